package designbench.threads.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each strategy does its job in plain tests too: exact counts after concurrent increments, pairs that stay
 * consistent, and a clear "unavailable" where a strategy does not fit a shape. jcstress probes the races far
 * harder; these catch a wiring mistake in seconds.
 */
class LockKindTest {
    private static final int THREADS = 4;
    private static final int INCREMENTS_PER_THREAD = 20_000;

    @ParameterizedTest
    @EnumSource(value = LockKind.class, names = "STAMPED_OPTIMISTIC", mode = EnumSource.Mode.EXCLUDE)
    void counterKeepsEveryIncrement(LockKind kind) throws InterruptedException {
        Counter counter = kind.newCounter();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    counter.increment();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals((long) THREADS * INCREMENTS_PER_THREAD, counter.get());
    }

    @ParameterizedTest
    @EnumSource(value = LockKind.class, names = "LONG_ADDER", mode = EnumSource.Mode.EXCLUDE)
    void pairIsNeverSeenTorn(LockKind kind) throws InterruptedException {
        ConsistentPair pair = kind.newPair();
        AtomicBoolean torn = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                pair.advance();
            }
        });
        Thread reader = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                long snapshot = pair.read();
                if (ConsistentPair.first(snapshot) != ConsistentPair.second(snapshot)) {
                    torn.set(true);
                }
            }
        });
        writer.join();
        reader.join();
        assertTrue(!torn.get(), kind + " let a reader see a torn pair");
        assertEquals(ConsistentPair.pack(INCREMENTS_PER_THREAD, INCREMENTS_PER_THREAD), pair.read());
    }

    @Test
    void strategiesThatDoNotFitAShapeSaySo() {
        UnsupportedOperationException adder = assertThrows(UnsupportedOperationException.class,
                LockKind.LONG_ADDER::newPair);
        assertTrue(adder.getMessage().startsWith("unavailable: "), adder.getMessage());
        UnsupportedOperationException optimistic = assertThrows(UnsupportedOperationException.class,
                LockKind.STAMPED_OPTIMISTIC::newCounter);
        assertTrue(optimistic.getMessage().startsWith("unavailable: "), optimistic.getMessage());
    }

    @Test
    void packingKeepsBothHalves() {
        long packed = ConsistentPair.pack(7, -3);
        assertEquals(7, ConsistentPair.first(packed));
        assertEquals(-3, ConsistentPair.second(packed));
    }
}
