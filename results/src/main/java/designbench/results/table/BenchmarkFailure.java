package designbench.results.table;

import java.util.Map;

/**
 * A benchmark, with one set of parameters, that produced no score, and why.
 *
 * @param benchmark fully qualified benchmark method, as in JMH's JSON
 * @param params    parameter name to value, in JMH's order
 * @param reason    one line: the exception or the way the fork died
 */
public record BenchmarkFailure(String benchmark, Map<String, String> params, String reason) {
}
