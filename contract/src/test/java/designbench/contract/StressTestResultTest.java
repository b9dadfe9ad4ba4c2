package designbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StressTestResultTest {
    private static StressTestResult test(String name, long badCount, String badExpectation, String error) {
        return new StressTestResult("designbench.threads.locks.LockedCounterStress." + name, List.of(
                new StressOutcome("2", 1000, "ACCEPTABLE", "both increments kept"),
                new StressOutcome("1", badCount, badExpectation, "lost update")), error);
    }

    @Test
    void onlyAcceptableOutcomesAreOk() {
        StressTestResult ok = test("Stamped", 0, "FORBIDDEN", null);
        assertEquals(StressTestResult.Verdict.OK, ok.verdict());
        assertFalse(ok.failsTheRun());
        assertEquals("LockedCounterStress.Stamped", ok.shortName());
    }

    @Test
    void aForbiddenOutcomeOrAnErrorFailsTheRun() {
        assertEquals(StressTestResult.Verdict.FAILED, test("Stamped", 3, "FORBIDDEN", null).verdict());
        StressTestResult crashed = test("Stamped", 0, "FORBIDDEN", "VM ERROR: crashed");
        assertEquals(StressTestResult.Verdict.FAILED, crashed.verdict());
        assertTrue(crashed.failsTheRun());
    }

    @Test
    void aControlIsCaughtOnlyWhenItsBadOutcomeShows() {
        StressTestResult caught = test("BrokenPlain", 42, "ACCEPTABLE_INTERESTING", null);
        assertTrue(caught.isControl());
        assertEquals(StressTestResult.Verdict.CONTROL_CAUGHT, caught.verdict());
        assertFalse(caught.failsTheRun(), "a caught control is the expected result");
        assertEquals(StressTestResult.Verdict.CONTROL_MISSED,
                test("BrokenPlain", 0, "ACCEPTABLE_INTERESTING", null).verdict());
    }

    @Test
    void anInterestingOutcomeOfARealStrategyIsFlagged() {
        assertEquals(StressTestResult.Verdict.INTERESTING,
                test("Stamped", 5, "ACCEPTABLE_INTERESTING", null).verdict());
    }
}
