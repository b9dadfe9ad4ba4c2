package designbench.contract;

import java.util.Map;

/**
 * A benchmark, with one set of parameters, that produced no score, and why.
 *
 * @param benchmark   fully qualified benchmark method, as in JMH's JSON
 * @param params      parameter name to value, in JMH's order
 * @param reason      one line: the exception or the way the fork died
 * @param unavailable true when the benchmark itself declared this variant unavailable here (its exception message
 *                    starts with {@value #UNAVAILABLE_PREFIX}): a fact about the variant or the machine, not a
 *                    failure of the run
 */
public record BenchmarkFailure(String benchmark, Map<String, String> params, String reason, boolean unavailable) {
    /** How a benchmark says "this variant does not apply here": an exception message with this prefix. */
    public static final String UNAVAILABLE_PREFIX = "unavailable: ";

    /** A failure from the first line JMH printed for it, recognising the "unavailable: " convention. */
    public static BenchmarkFailure fromReason(String benchmark, Map<String, String> params, String reason) {
        int marker = reason.indexOf(": " + UNAVAILABLE_PREFIX);
        if (marker >= 0) {
            return new BenchmarkFailure(benchmark, params,
                    reason.substring(marker + 2 + UNAVAILABLE_PREFIX.length()), true);
        }
        return new BenchmarkFailure(benchmark, params, reason, false);
    }
}
