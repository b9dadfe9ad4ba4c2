package designbench.threads.virtual;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Question: what does it cost to start one thread and wait for it to finish, platform against virtual?
 *
 * <p>Setup: each operation builds a thread of {@code threadKind}, starts it, and joins it. The thread stores its
 * own id, which the operation returns so that the JIT cannot drop the work.
 *
 * <p>Reading the numbers: µs per start + join, lower is better. The ratio VIRTUAL/PLATFORM is the answer; it says
 * how much cheaper a thread-per-task design becomes. Our guess before measuring: virtual several times cheaper,
 * since no OS thread is created.
 *
 * <p>Table: threads-start in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ThreadStartBench {
    @Param
    ThreadKind threadKind;

    private long observedThreadId;

    @Benchmark
    public long startAndJoin() throws InterruptedException {
        Thread thread = threadKind.builder().start(() -> observedThreadId = Thread.currentThread().threadId());
        thread.join();
        // join() gives a happens-before edge, so the write made inside the thread is visible here.
        return observedThreadId;
    }
}
