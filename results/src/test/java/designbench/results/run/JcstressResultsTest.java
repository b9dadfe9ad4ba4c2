package designbench.results.run;

import designbench.contract.StressOutcome;
import designbench.contract.StressTestResult;
import designbench.runner.launch.JcstressResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Reads a result file saved from a real jcstress run (sanity preset, 100 ms iterations) of the fixture
 * FixtureRaceStress (a results test fixture, so the test lives here); jcstress grades outcomes against the test's annotations, which it finds in the generated
 * test list on the class path.
 */
class JcstressResultsTest {
    @Test
    void readsEveryTestWithItsOutcomesAndVerdict() throws Exception {
        Path sample = Path.of(getClass().getResource("/jcstress/fixture-sanity-sample.bin.gz").toURI());
        List<StressTestResult> results = JcstressResults.read(sample);

        assertEquals(List.of("FixtureRaceStress.Atomic", "FixtureRaceStress.BrokenPlain"),
                results.stream().map(StressTestResult::shortName).toList());

        StressTestResult control = results.get(1);
        assertEquals(StressTestResult.Verdict.CONTROL_CAUGHT, control.verdict());
        Map<String, StressOutcome> outcomes = control.outcomes().stream()
                .collect(Collectors.toMap(StressOutcome::id, o -> o));
        assertEquals(18_920, outcomes.get("1").count());
        assertEquals(696_142, outcomes.get("2").count());
        assertEquals("ACCEPTABLE_INTERESTING", outcomes.get("1").expectation());
        assertEquals("lost update: the control caught the race", outcomes.get("1").description());

        StressTestResult atomic = results.get(0);
        assertEquals(StressTestResult.Verdict.OK, atomic.verdict());
        assertNull(atomic.error());
        Map<String, StressOutcome> atomicOutcomes = atomic.outcomes().stream()
                .collect(Collectors.toMap(StressOutcome::id, o -> o));
        assertEquals(0, atomicOutcomes.get("1").count(), "the forbidden outcome is listed even when never seen");
        assertEquals("FORBIDDEN", atomicOutcomes.get("1").expectation());
    }
}
