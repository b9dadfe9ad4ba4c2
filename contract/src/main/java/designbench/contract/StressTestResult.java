package designbench.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One jcstress test's outcomes, and the verdict the tables give it.
 *
 * @param test     the test class, fully qualified with its nested class: a.b.LockedCounterStress.Stamped
 * @param outcomes every outcome declared or observed
 * @param error    null when every configuration ran normally; otherwise what jcstress reported (an exception,
 *                 a crashed or timed-out VM)
 */
@JsonIgnoreProperties(ignoreUnknown = true) // the derived verdict and control flag are written for readers only
public record StressTestResult(String test, List<StressOutcome> outcomes, String error) {
    /** A test whose class name starts with this is a deliberately broken control that must be caught. */
    public static final String CONTROL_PREFIX = "Broken";

    /** How a test ended, as the verdict tables say it. */
    public enum Verdict {
        /** Only acceptable outcomes: the strategy kept its invariant in every sample. */
        OK,
        /** A forbidden outcome appeared, or the test could not run: the strategy (or the test) is broken. */
        FAILED,
        /** An outcome marked interesting appeared in a real strategy's test: allowed, but worth reading. */
        INTERESTING,
        /** A broken control showed its bad outcome: proof that the test can fail. */
        CONTROL_CAUGHT,
        /** A broken control showed no bad outcome: at this run length the test proved nothing. */
        CONTROL_MISSED
    }

    /** "LockedCounterStress.Stamped": the class under its package. */
    public String shortName() {
        String[] parts = test.split("\\.");
        return parts.length < 2 ? test : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    public boolean isControl() {
        return test.substring(test.lastIndexOf('.') + 1).startsWith(CONTROL_PREFIX);
    }

    public Verdict verdict() {
        if (error != null || seen("FORBIDDEN")) {
            return Verdict.FAILED;
        }
        if (isControl()) {
            return seen("ACCEPTABLE_INTERESTING") ? Verdict.CONTROL_CAUGHT : Verdict.CONTROL_MISSED;
        }
        return seen("ACCEPTABLE_INTERESTING") ? Verdict.INTERESTING : Verdict.OK;
    }

    /** Whether this test makes the run a failure: a forbidden outcome or an error in any test. */
    public boolean failsTheRun() {
        return verdict() == Verdict.FAILED;
    }

    private boolean seen(String expectation) {
        return outcomes.stream().anyMatch(o -> o.count() > 0 && o.expectation().equals(expectation));
    }
}
