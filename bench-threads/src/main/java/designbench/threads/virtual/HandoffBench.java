package designbench.threads.virtual;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Question: how long does a hand-off round trip between two threads take, two platform threads against two
 * virtual threads? This is the cost under every blocking queue, future and channel between tasks.
 *
 * <p>Setup: a pinger and a ponger, both of {@code threadKind}, pass a token back and forth through two
 * {@link SynchronousQueue}s {@value #ROUND_TRIPS} times; one operation is one round trip. Both threads must be of
 * the kind measured (a JMH worker is always a platform thread), so each invocation starts the pair and joins it;
 * that start and join is spread over the {@value #ROUND_TRIPS} round trips and adds about one percent
 * (see threads-start for its size).
 *
 * <p>Reading the numbers: µs per round trip, lower is better; the ratio VIRTUAL/PLATFORM is the answer. A waiting
 * platform thread parks in the kernel and is woken through a futex; a waiting virtual thread only unmounts its
 * continuation, and waking it means queueing that continuation on a carrier, with no kernel call at all. Expect
 * an order of magnitude between them. (SynchronousQueue first spins briefly in both cases.) On a small VM the
 * placement of the two sides on one or two CPUs moves the platform figure a lot; compare the two rows of one run,
 * not absolute values across machines.
 *
 * <p>Table: threads-handoff in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class HandoffBench {
    static final int ROUND_TRIPS = 1000;

    @Param
    ThreadKind threadKind;

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long roundTrip() throws InterruptedException {
        SynchronousQueue<Long> ping = new SynchronousQueue<>();
        SynchronousQueue<Long> pong = new SynchronousQueue<>();
        long[] lastSeen = new long[1];
        Thread ponger = threadKind.builder().start(() -> {
            try {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    pong.put(ping.take() + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread pinger = threadKind.builder().start(() -> {
            try {
                long token = 0;
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    ping.put(token);
                    token = pong.take();
                }
                lastSeen[0] = token;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pinger.join();
        ponger.join();
        if (lastSeen[0] != ROUND_TRIPS) {
            throw new IllegalStateException("hand-off lost tokens: saw " + lastSeen[0] + " of " + ROUND_TRIPS);
        }
        return lastSeen[0];
    }
}
