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
 * Question: for a small structure that is mostly read and must stay consistent (two fields that change
 * together), which strategy gives the most operations per µs at 0 %, 90 % and 99 % reads as threads are added?
 *
 * <p>Setup: every JMH worker thread operates on the same {@link ConsistentPair} of strategy {@code lock}; each
 * operation is a read with probability {@code readPercent} %, otherwise a write that advances both fields. The
 * choice comes from a per-thread xorshift generator, so threads do not share a random source.
 * {@code @Threads(Threads.MAX)} makes the thread count a dimension, as in {@link LockedCounterBench}.
 *
 * <p>Reading the numbers: operations per µs summed over all threads, higher is better; one row per strategy and
 * read share, one column per thread count, ratio to SYNCHRONIZED in the same column. Read-write and stamped locks
 * should gain as reads dominate; optimistic reads most of all. LONG_ADDER is unavailable: it cannot give a
 * consistent read of two values. ATOMIC_CAS and VAR_HANDLE pack both fields into one long, which is only
 * possible because the pair is small.
 *
 * <p>Table: locks-read-mostly in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(Threads.MAX)
@State(Scope.Benchmark)
public class ReadMostlyPairBench {
    /** The kind of JMH worker threads; the launcher runs each in forks with the matching executor. */
    @Param({"PLATFORM", "VIRTUAL"})
    String threadKind;

    @Param
    LockKind lock;

    @Param({"0", "90", "99"})
    int readPercent;

    private ConsistentPair pair;

    @Setup
    public void create() {
        ThreadSweep.checkWorkerThread(threadKind);
        pair = lock.newPair();
    }

    /** Each worker thread's own random source. */
    @State(Scope.Thread)
    public static class Dice {
        private int state = (int) System.nanoTime() | 1;

        int nextPercent() {
            state ^= state << 13;
            state ^= state >>> 17;
            state ^= state << 5;
            return Math.floorMod(state, 100);
        }
    }

    @Benchmark
    public long access(Dice dice) {
        if (dice.nextPercent() < readPercent) {
            return pair.read();
        }
        pair.advance();
        return 0;
    }
}
