package designbench.threads.virtual;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Question: on this JDK, may virtual threads block while holding a {@code synchronized} monitor, or must such code
 * move to a {@code ReentrantLock} first? Until JDK 24 (JEP 491) a virtual thread blocked inside a monitor pinned
 * its carrier thread, so a handful of such tasks could stall the whole virtual-thread scheduler.
 *
 * <p>Setup: one operation starts {@code taskCount} virtual threads at once; each takes its own, uncontended lock
 * of kind {@code lock}, sleeps {@code blockMillis} while holding it, and releases it.
 *
 * <p>Reading the numbers: ms per burst, lower is better, ratio SYNCHRONIZED/REENTRANT_LOCK. Near 1: monitors no
 * longer pin on this JDK. Near taskCount / cores: each blocked task held a carrier, the pinning of JDK 21-23.
 * The JDK of the run is in the table's heading and in environment.json.
 *
 * <p>Table: threads-pinning in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class PinningBench {
    @Param
    HeldLock lock;

    @Param({"100"})
    int taskCount;

    @Param({"1"})
    int blockMillis;

    private Object[] locks;
    private ExecutorService executorService;

    @Setup(Level.Trial)
    public void createLocks() {
        locks = new Object[taskCount];
        for (int i = 0; i < taskCount; i++) {
            locks[i] = lock.newLock();
        }
        executorService = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown(Level.Trial)
    public void closeExecutor() {
        executorService.close();
    }

    @Benchmark
    public long burst() throws InterruptedException, ExecutionException {
        return TaskBatch.runAll(executorService, taskCount, index -> () -> lock.callHolding(locks[index], () -> {
            Thread.sleep(blockMillis);
            return 1L;
        }));
    }
}
