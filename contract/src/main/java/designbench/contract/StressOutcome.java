package designbench.contract;

/**
 * One outcome of a jcstress test, summed over every JVM configuration it ran in.
 *
 * @param id          the observed result as jcstress prints it, e.g. "1" or "0, 1"
 * @param count       how many samples showed it
 * @param expectation ACCEPTABLE, ACCEPTABLE_INTERESTING, FORBIDDEN or UNKNOWN, from the test's annotations
 * @param description what the outcome means, from the test's annotations
 */
public record StressOutcome(String id, long count, String expectation, String description) {
}
