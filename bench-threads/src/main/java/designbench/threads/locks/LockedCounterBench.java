package designbench.threads.locks;

import designbench.contract.ThreadSweep;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Question: when many threads increment one shared counter, which strategy keeps up as threads are added, and
 * what does each cost uncontended?
 *
 * <p>Setup: every JMH worker thread increments the same {@link Counter} of strategy {@code lock} as fast as it
 * can. {@code @Threads(Threads.MAX)} marks the thread count as a dimension: the results launcher runs this class
 * at 1, 2, 4 and 8 threads (and the core count), once with platform and once with virtual worker threads
 * ({@code threadKind}, run under JMH's matching {@code jmh.executor}; see {@code ThreadSweep}); run by hand, it
 * uses one thread per core, and {@code threadKind=VIRTUAL} needs {@code -Djmh.executor=VIRTUAL}.
 *
 * <p>Reading the numbers: increments per µs summed over all threads, higher is better; one row per strategy, one
 * column per thread count, and the ratio to SYNCHRONIZED in the same column. Columns with more threads than
 * cores are oversubscribed: threads then also wait for a CPU, which is part of the answer. STAMPED_OPTIMISTIC is
 * unavailable here: optimistic reads need reads, and this shape has none. Virtual worker threads are not
 * time-sliced: beyond the carrier count, a worker that never blocks keeps its carrier, so lock-free strategies
 * measure only the carriers' work, while blocking locks let waiting workers unmount. Virtual rows are measured
 * with unsynchronised iterations (JMH's iteration barrier hung with CPU-bound virtual workers).
 *
 * <p>Table: locks-counter in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(Threads.MAX)
@State(Scope.Benchmark)
public class LockedCounterBench {
    /** The kind of JMH worker threads; the launcher runs each in forks with the matching executor. */
    @Param({"PLATFORM", "VIRTUAL"})
    String threadKind;

    @Param
    LockKind lock;

    private Counter counter;

    @Setup
    public void create() {
        ThreadSweep.checkWorkerThread(threadKind);
        counter = lock.newCounter();
    }

    @Benchmark
    public void increment() {
        // The counter is shared state reachable from a @State object, so its update cannot be eliminated.
        counter.increment();
    }
}
