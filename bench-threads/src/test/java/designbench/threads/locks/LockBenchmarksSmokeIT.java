package designbench.threads.locks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Runs each lock benchmark once per strategy that fits its shape, with two threads and platform workers: one
 * fork, no warm-up, one very short iteration. Not a measurement; it fails the build when a strategy throws.
 */
class LockBenchmarksSmokeIT {
    private static String[] locksExcept(LockKind unavailable) {
        return Stream.of(LockKind.values()).filter(k -> k != unavailable).map(Enum::name).toArray(String[]::new);
    }

    private static Collection<RunResult> smoke(Class<?> benchmark, LockKind unavailable) throws RunnerException {
        return smoke(benchmark, locksExcept(unavailable), "PLATFORM", List.of());
    }

    private static Collection<RunResult> smoke(Class<?> benchmark, String[] locks, String threadKind,
                                               List<String> extraFlags) throws RunnerException {
        List<String> forkFlags = new ArrayList<>(extraFlags);
        if (Runtime.version().feature() >= 24) {
            forkFlags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return new Runner(new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .param("lock", locks)
                .param("threadKind", threadKind)
                .syncIterations(!threadKind.equals("VIRTUAL"))
                .threads(2)
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .jvmArgs(forkFlags.toArray(String[]::new))
                .build()).run();
    }

    private static void assertAllScored(Collection<RunResult> results, int expectedCount) {
        assertEquals(expectedCount, results.size());
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertFalse(Double.isNaN(score) || score <= 0, result.getParams() + " scored " + score);
        }
    }

    @Test
    void everyCounterStrategyRuns() throws RunnerException {
        assertAllScored(smoke(LockedCounterBench.class, LockKind.STAMPED_OPTIMISTIC), LockKind.values().length - 1);
    }

    @Test
    void everyPairStrategyRunsAtEveryReadShare() throws RunnerException {
        assertAllScored(smoke(ReadMostlyPairBench.class, LockKind.LONG_ADDER), (LockKind.values().length - 1) * 3);
    }

    @Test
    void aVirtualRowRunsOnVirtualWorkersAndOnlyThere() throws RunnerException {
        String[] one = {LockKind.SYNCHRONIZED.name()};
        assertAllScored(smoke(LockedCounterBench.class, one, "VIRTUAL", List.of("-Djmh.executor=VIRTUAL")), 1);
        assertThrows(RunnerException.class, () -> smoke(LockedCounterBench.class, one, "VIRTUAL", List.of()),
                "threadKind=VIRTUAL on platform workers must fail its setup, not measure under a false label");
    }
}
