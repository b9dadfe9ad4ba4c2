package designbench.threads.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module, with every parameter, once: one fork, no warm-up, one very short
 * iteration. Not a measurement; it fails the build when a benchmark throws or no longer runs.
 */
class BenchmarksSmokeIT {
    @Test
    void everyBenchmarkRunsOnceWithEveryParameter() throws RunnerException {
        List<String> forkFlags = new ArrayList<>();
        if (Runtime.version().feature() >= 24) {
            forkFlags.add("--sun-misc-unsafe-memory-access=allow");
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("designbench\\.threads\\.virtual\\.")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .jvmArgs(forkFlags.toArray(String[]::new));
        Collection<RunResult> results = new Runner(options.build()).run();

        Set<String> benchmarks = new TreeSet<>();
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertFalse(Double.isNaN(score) || score <= 0, result.getParams().getBenchmark() + " scored " + score);
            benchmarks.add(result.getParams().getBenchmark());
        }
        assertEquals(5, benchmarks.size(), "every benchmark method ran: " + benchmarks);
        // 2 + 2 thread kinds, 3 executors × 3 task counts, 3 executors × 2 task counts, 2 locks.
        assertEquals(21, results.size(), "every parameter combination ran");
    }
}
