package designbench.threads.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/**
 * Runs each lock benchmark once per strategy that fits its shape, with two threads and platform workers: one
 * fork, no warm-up, one very short iteration. Not a measurement; it fails the build when a strategy throws.
 */
class LockBenchmarksSmokeIT {
    private static String[] locksExcept(LockKind unavailable) {
        return Stream.of(LockKind.values()).filter(k -> k != unavailable).map(Enum::name).toArray(String[]::new);
    }

    private static Collection<RunResult> smoke(Class<?> benchmark, LockKind unavailable) throws RunnerException {
        List<String> forkFlags = new ArrayList<>();
        if (Runtime.version().feature() >= 24) {
            forkFlags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return new Runner(new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .param("lock", locksExcept(unavailable))
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
}
