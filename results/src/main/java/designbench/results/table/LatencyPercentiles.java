package designbench.results.table;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one row's latency distribution, in microseconds, from the HdrHistogram logs its benchmark wrote.
 *
 * @param count samples recorded over all measured iterations and forks
 */
public record LatencyPercentiles(long count, double p50, double p90, double p99, double p999, double max) {
    private static final double NANOS_PER_MICRO = 1_000.0;

    /** The percentiles of a histogram of nanoseconds. */
    public static LatencyPercentiles of(Histogram nanos) {
        return new LatencyPercentiles(nanos.getTotalCount(),
                micros(nanos.getValueAtPercentile(50)), micros(nanos.getValueAtPercentile(90)),
                micros(nanos.getValueAtPercentile(99)), micros(nanos.getValueAtPercentile(99.9)),
                micros(nanos.getMaxValue()));
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }
}
