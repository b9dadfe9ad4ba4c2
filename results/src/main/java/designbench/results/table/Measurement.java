package designbench.results.table;

import designbench.contract.BenchmarkFailure;
import designbench.contract.HistogramTags;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One benchmark with one set of parameters: its score, or the reason it has none.
 *
 * @param benchmark     fully qualified benchmark method
 * @param mode          JMH mode short name: thrpt, avgt, sample, ss
 * @param params        parameter name to value, in declaration order
 * @param score         JMH's primary score; NaN for a failure
 * @param error         half-width of JMH's 99.9% confidence interval; NaN when JMH could not compute one
 * @param unit          JMH's unit, e.g. "us/op"
 * @param failureReason null for a measured row; otherwise one line saying why there is no score
 * @param unavailable   true when there is no score because the variant does not apply here (not a failure)
 * @param latencies     percentiles of the latencies the benchmark logged in HdrHistogram, or null when it logged none
 * @param secondary     measured values beside the score that a table shows as columns, by name (see
 *                      {@link #SCENARIO_METRICS}); empty for most rows
 * @param runLength     how long the row was measured, as its result file says
 */
public record Measurement(String benchmark, String mode, Map<String, String> params, double score, double error,
                          String unit, String failureReason, boolean unavailable, LatencyPercentiles latencies,
                          Map<String, Double> secondary, RunLength runLength) {

    /**
     * The secondary metrics a table shows, in column order: a scenario suite's offered rate (requests per second,
     * 0 for a closed loop), its error count and its cache hit ratio (0..1, NaN when no response said).
     */
    public static final List<String> SCENARIO_METRICS = List.of("offered", "errors", "hitRatio");

    /** A row with a score. */
    public static Measurement measured(String benchmark, String mode, Map<String, String> params, double score,
                                       double error, String unit) {
        return new Measurement(benchmark, mode, params, score, error, unit, null, false, null, Map.of(),
                RunLength.UNKNOWN);
    }

    /** A row for a benchmark that produced no score. */
    public static Measurement failed(BenchmarkFailure failure) {
        return new Measurement(failure.benchmark(), "", failure.params(), Double.NaN, Double.NaN, "",
                failure.reason(), failure.unavailable(), null, Map.of(), RunLength.UNKNOWN);
    }

    /** This row with the latency percentiles of its histograms. */
    public Measurement withLatencies(LatencyPercentiles percentiles) {
        return new Measurement(benchmark, mode, params, score, error, unit, failureReason, unavailable, percentiles,
                secondary, runLength);
    }

    /** This row with secondary metrics. */
    public Measurement withSecondary(Map<String, Double> metrics) {
        return new Measurement(benchmark, mode, params, score, error, unit, failureReason, unavailable, latencies,
                Map.copyOf(metrics), runLength);
    }

    /** This row with the run length its result file states. */
    public Measurement withRunLength(RunLength length) {
        return new Measurement(benchmark, mode, params, score, error, unit, failureReason, unavailable, latencies,
                secondary, length);
    }

    /**
     * The tag a benchmark gives the histograms it logs for this row: {@code <benchmark>?<param>=<value>&...} with
     * the parameters sorted by name (see bench-ipc's LatencyLog).
     */
    public String histogramTag() {
        return HistogramTags.of(benchmark, params);
    }

    /** Parameter {@code name} as a number (a thread or connection count), or NaN when absent or not a number. */
    public double numericParam(String name) {
        try {
            return Double.parseDouble(params.getOrDefault(name, "NaN"));
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    /**
     * Payload megabytes (10^6 bytes) per second of a throughput row (ops/s) whose parameter {@code bytesParam} holds
     * the bytes per operation, or NaN when the row has no such figure ({@code bytesParam} null, a failed row).
     */
    public double megabytesPerSecond(String bytesParam) {
        if (bytesParam == null || failed() || !"ops/s".equals(unit) || !params.containsKey(bytesParam)) {
            return Double.NaN;
        }
        return score * Double.parseDouble(params.get(bytesParam)) / 1e6;
    }

    /** Whether this row has no score, for whatever reason. */
    public boolean failed() {
        return failureReason != null;
    }

    /** "FAILED", "UNAVAILABLE" or "OK". */
    public String status() {
        return !failed() ? "OK" : unavailable ? "UNAVAILABLE" : "FAILED";
    }

    /** "ThreadStartBench.startAndJoin": class and method, without the package. */
    public String shortName() {
        return shortName(benchmark);
    }

    /** "PingPongBench.roundTrip" for "designbench.ipc.PingPongBench.roundTrip": the name summary.csv shows. */
    public static String shortName(String benchmark) {
        int methodDot = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', methodDot - 1) + 1);
    }

    /** "threadKind=VIRTUAL taskCount=100", or "" without parameters. */
    public String paramsLabel() {
        return paramsLabelWithout(null);
    }

    /** {@link #paramsLabel()} without parameter {@code name}: the series a scaling table's row stands for. */
    public String paramsLabelWithout(String name) {
        return params.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** Whether higher scores are better for this mode: only throughput counts up. */
    public boolean higherIsBetter() {
        return higherIsBetter(mode);
    }

    /** Whether higher scores are better in a JMH mode: only throughput counts up. */
    public static boolean higherIsBetter(String mode) {
        return "thrpt".equals(mode);
    }
}
