package designbench.threads.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every enum variant the benchmarks take does what its name says, once, quickly. */
class VariantsTest {
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void threadKindBuildsThatKindOfThread(ThreadKind kind) throws InterruptedException {
        boolean[] virtual = new boolean[1];
        Thread thread = kind.builder().start(() -> virtual[0] = Thread.currentThread().isVirtual());
        thread.join();
        assertEquals(kind == ThreadKind.VIRTUAL, virtual[0]);
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    void executorKindRunsEveryTaskOfABatch(ExecutorKind kind) throws Exception {
        try (ExecutorService executor = kind.create(50)) {
            assertEquals(50 * 49 / 2, TaskBatch.runAll(executor, 50, index -> () -> (long) index));
        }
    }

    @ParameterizedTest
    @EnumSource(HeldLock.class)
    void heldLockIsHeldWhileTheBodyRuns(HeldLock kind) throws Exception {
        Object lock = kind.newLock();
        boolean held = kind.callHolding(lock, () -> lock instanceof ReentrantLock reentrant
                ? reentrant.isHeldByCurrentThread()
                : Thread.holdsLock(lock));
        assertTrue(held);
    }

    @Test
    void handoffPassesEveryToken() throws InterruptedException {
        HandoffBench bench = new HandoffBench();
        for (ThreadKind kind : ThreadKind.values()) {
            bench.threadKind = kind;
            assertEquals(HandoffBench.ROUND_TRIPS, bench.roundTrip());
        }
    }

    @Test
    void xorshiftDependsOnEveryStep() {
        assertTrue(CpuTasksBench.xorshift(1, 10) != CpuTasksBench.xorshift(1, 11));
    }
}
