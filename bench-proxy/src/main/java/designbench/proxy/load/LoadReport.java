package designbench.proxy.load;

import java.util.List;
import java.util.Map;

/**
 * What a load run measured. Latencies are in microseconds; in open loop from each request's intended send time on
 * the fixed timeline (so a server stall shows in every request it delayed: no coordinated omission), in closed
 * loop from the actual send.
 *
 * @param offeredRate    requests per second asked for; 0 in closed loop
 * @param achievedRate   responses per second completed in the measured window
 * @param completed      responses in the measured window (any status)
 * @param errors         per kind: connect, timeout, closed (connection lost mid-request), status_4xx, status_5xx,
 *                       unsent (due on the timeline but never sent before the end)
 * @param cacheHits      responses with {@code X-Cache: HIT}
 * @param cacheMisses    responses with {@code X-Cache: MISS}
 * @param perTarget      responses per target address
 * @param cpuSeconds     CPU time this JVM used during the run (the generator's own cost when it runs alone)
 * @param perSecond      one entry per measured second: the time series around events
 * @param measuredFromNanos when the measured window began, in {@link System#nanoTime()} terms, so an event timed
 *                       by the same clock can be placed in its second; 0 when not known
 */
public record LoadReport(String mode, double offeredRate, int connections, double seconds, double achievedRate,
                         long completed, Map<String, Long> errors, Latency latency, long cacheHits, long cacheMisses,
                         Map<String, Long> perTarget, double cpuSeconds, List<Second> perSecond,
                         long measuredFromNanos) {

    /** A report whose window start is not known (a summary made from other figures). */
    public LoadReport(String mode, double offeredRate, int connections, double seconds, double achievedRate,
                      long completed, Map<String, Long> errors, Latency latency, long cacheHits, long cacheMisses,
                      Map<String, Long> perTarget, double cpuSeconds, List<Second> perSecond) {
        this(mode, offeredRate, connections, seconds, achievedRate, completed, errors, latency, cacheHits,
                cacheMisses, perTarget, cpuSeconds, perSecond, 0);
    }

    /** The measured second (1, 2, ...) in which {@code nanoTime} fell; 0 before the window or when not known. */
    public int secondOf(long nanoTime) {
        return measuredFromNanos == 0 || nanoTime < measuredFromNanos ? 0
                : 1 + (int) ((nanoTime - measuredFromNanos) / 1_000_000_000L);
    }

    /** Latency percentiles in microseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double p9999, double max, double mean) {
    }

    /**
     * One second of the run, counted from the start of the measured window.
     *
     * @param perTarget responses completed in this second, per target in the order of the configuration
     */
    public record Second(int second, long completed, long errors, double p50, double p99, double max,
                         List<Long> perTarget) {
        public Second {
            perTarget = List.copyOf(perTarget);
        }
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Share of responses that carried {@code X-Cache: HIT}, of those with an X-Cache header; NaN without any. */
    public double hitRatio() {
        long seen = cacheHits + cacheMisses;
        return seen == 0 ? Double.NaN : (double) cacheHits / seen;
    }
}
