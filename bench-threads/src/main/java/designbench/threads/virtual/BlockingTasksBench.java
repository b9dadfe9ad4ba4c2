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
 * Question: a service runs many tasks that mostly wait (a database call, a downstream HTTP request). How long
 * does a burst of {@code taskCount} such tasks take on virtual threads, compared with a platform pool sized to
 * the cores and a platform pool sized to the burst?
 *
 * <p>Setup: one operation submits {@code taskCount} tasks at once, each sleeping {@code blockMillis}, and waits
 * for all of them. Pools are created once per trial and reused, as a server would; virtual threads are created
 * per task, as the JDK recommends.
 *
 * <p>Reading the numbers: ms per burst, lower is better. The ideal is about {@code blockMillis}: every task waits
 * at the same time. A pool sized to the cores needs about taskCount / cores × blockMillis. The ratio is to
 * PLATFORM_POOL_PER_TASK, the best a platform design can do, so it isolates the price of OS threads.
 *
 * <p>Timing: single-shot, each measured iteration one burst. A burst can outlast a profile's iteration
 * (10 000 one-millisecond tasks on a pool of one thread per core take seconds); in average-time mode such an
 * iteration holds a single burst anyway, under a heading that claims quarter-second iterations. So a row's n is
 * the number of bursts it rests on: forks × measured iterations.
 *
 * <p>Table: threads-blocking-tasks in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class BlockingTasksBench {
    @Param
    ExecutorKind executor;

    @Param({"100", "1000", "10000"})
    int taskCount;

    @Param({"1"})
    int blockMillis;

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
        return TaskBatch.runAll(executorService, taskCount, index -> () -> {
            Thread.sleep(blockMillis);
            return 1L;
        });
    }
}
