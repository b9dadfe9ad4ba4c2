package designbench.threads.virtual;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Question: for work that never blocks (parsing, hashing, compressing), do virtual threads bring anything over a
 * pool of platform threads sized to the cores?
 *
 * <p>Setup: one operation submits {@code taskCount} tasks at once, each computing {@code workIterations} steps
 * of a xorshift generator, and waits for all of them; the results are summed and returned.
 *
 * <p>Reading the numbers: ms per burst, lower is better, ratio to PLATFORM_POOL_CORES, the classic right answer
 * for CPU-bound work. Our guess before measuring: virtual threads about equal (the cores are the limit, not
 * the threads), the pool sized to the burst a little worse (more context switches).
 *
 * <p>Timing: single-shot, each measured iteration one burst. A burst can outlast a profile's iteration
 * (10 000 tasks take about 260 ms); in average-time mode such an iteration holds a single burst anyway, under a
 * heading that claims quarter-second iterations. So a row's n is the number of bursts it rests on: forks ×
 * measured iterations.
 *
 * <p>Table: threads-cpu-tasks in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class CpuTasksBench {
    @Param
    ExecutorKind executor;

    @Param({"100", "10000"})
    int taskCount;

    @Param({"20000"})
    int workIterations;

    private ExecutorService executorService;

    @Setup(Level.Trial)
    public void createExecutor() {
        executorService = executor.create(taskCount);
    }

    @TearDown(Level.Trial)
    public void closeExecutor() {
        executorService.close();
    }

    @Benchmark
    public long burst() throws InterruptedException, ExecutionException {
        return TaskBatch.runAll(executorService, taskCount, index -> () -> xorshift(index + 1L, workIterations));
    }

    /** A data-dependent chain the JIT cannot fold: each step needs the previous one. */
    static long xorshift(long seed, int steps) {
        long x = seed;
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
