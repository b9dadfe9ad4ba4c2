package designbench.results.table;

import java.util.Map;
import java.util.TreeMap;
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
 */
public record Measurement(String benchmark, String mode, Map<String, String> params, double score, double error,
                          String unit, String failureReason, boolean unavailable, LatencyPercentiles latencies) {

    /** A row with a score. */
    public static Measurement measured(String benchmark, String mode, Map<String, String> params, double score,
                                       double error, String unit) {
        return new Measurement(benchmark, mode, params, score, error, unit, null, false, null);
    }

    /** A row for a benchmark that produced no score. */
    public static Measurement failed(BenchmarkFailure failure) {
        return new Measurement(failure.benchmark(), "", failure.params(), Double.NaN, Double.NaN, "",
                failure.reason(), failure.unavailable(), null);
    }

    /** This row with the latency percentiles of its histograms. */
    public Measurement withLatencies(LatencyPercentiles percentiles) {
        return new Measurement(benchmark, mode, params, score, error, unit, failureReason, unavailable, percentiles);
    }

    /**
     * The tag a benchmark gives the histograms it logs for this row: {@code <benchmark>?<param>=<value>&...} with
     * the parameters sorted by name (see bench-ipc's LatencyLog).
     */
    public String histogramTag() {
        return benchmark + "?" + new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
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
        int methodDot = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', methodDot - 1) + 1);
    }

    /** "threadKind=VIRTUAL taskCount=100", or "" without parameters. */
    public String paramsLabel() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Whether higher scores are better for this mode: only throughput counts up. */
    public boolean higherIsBetter() {
        return "thrpt".equals(mode);
    }
}
