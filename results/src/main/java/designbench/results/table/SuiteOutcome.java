package designbench.results.table;

import java.util.List;

/**
 * How one suite of a run ended.
 *
 * @param suite          suite name: threads, ipc, proxy
 * @param status         what happened to the suite as a whole
 * @param detail         one line for a reader: the reason for FAILED or SKIPPED, or "" when it ran
 * @param measuredCount  benchmark and parameter combinations with a score
 * @param failedCount    combinations without one, variants unavailable here not counted
 * @param unavailableCount combinations that declared themselves unavailable on this machine or shape
 * @param files          the raw files it left in the run folder
 */
public record SuiteOutcome(String suite, Status status, String detail, int measuredCount, int failedCount,
                           int unavailableCount, List<String> files) {

    /** RAN: the engine finished (some benchmarks may still have failed); FAILED: it did not; SKIPPED: not run. */
    public enum Status { RAN, FAILED, SKIPPED }

    /** Whether this suite makes the run a failure: the suite died, or a benchmark in it failed. */
    public boolean failsTheRun() {
        return status == Status.FAILED || failedCount > 0;
    }
}
