package designbench.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When priming stops, driven by a fake clock that advances by a chosen time per operation. */
class PeerPrimingTest {
    /** A clock read once per batch; each exchange advances it by the current per-operation cost. */
    private static final class FakeExchange implements PeerPriming.Exchange {
        long nowNanos;
        long operations;
        final java.util.function.LongUnaryOperator costNanosAfter;

        FakeExchange(java.util.function.LongUnaryOperator costNanosAfter) {
            this.costNanosAfter = costNanosAfter;
        }

        @Override
        public void run() {
            nowNanos += costNanosAfter.applyAsLong(operations++);
        }
    }

    @Test
    void aSteadyExchangeStopsAtTheMinimum() throws IOException {
        FakeExchange steady = new FakeExchange(done -> 10_000);
        assertEquals(PeerPriming.MIN_OPERATIONS,
                PeerPriming.prime(steady, () -> steady.nowNanos, () -> 0, PeerPriming.MAX_SECONDS));
    }

    @Test
    void anExchangeThatIsStillGettingFasterGoesOnUntilItSettles() throws IOException {
        // Each batch 10 % faster than the one before, for 25 batches, then steady: a JIT still at work.
        FakeExchange compiling = new FakeExchange(done -> Math.round(100_000 * Math.pow(0.9,
                Math.min(25, done / PeerPriming.BATCH))));
        long operations = PeerPriming.prime(compiling, () -> compiling.nowNanos, () -> 0, PeerPriming.MAX_SECONDS);
        assertEquals((25 + PeerPriming.FLAT_BATCHES) * PeerPriming.BATCH, operations);
    }

    @Test
    void anExchangeThatNeverSettlesStopsAtTheTimeLimit() throws IOException {
        // Alternating fast and slow batches are never flat.
        FakeExchange noisy = new FakeExchange(done -> (done / PeerPriming.BATCH) % 2 == 0 ? 10_000 : 30_000);
        long operations = PeerPriming.prime(noisy, () -> noisy.nowNanos, () -> 0, PeerPriming.MAX_SECONDS);
        assertTrue(noisy.nowNanos >= TimeUnit.SECONDS.toNanos(PeerPriming.MAX_SECONDS), noisy.nowNanos + " ns");
        assertTrue(operations > PeerPriming.MIN_OPERATIONS);
    }

    @Test
    void aSteadyExchangeGoesOnWhileTheJitIsStillCompiling() throws IOException {
        // Steady times, but the JIT compiles something in every batch until operation 40 000: a plateau.
        FakeExchange plateau = new FakeExchange(done -> 10_000);
        long operations = PeerPriming.prime(plateau, () -> plateau.nowNanos,
                () -> Math.min(plateau.operations, 40_000) / PeerPriming.BATCH, PeerPriming.MAX_SECONDS);
        assertEquals(40_000 + PeerPriming.FLAT_BATCHES * PeerPriming.BATCH, operations);
    }

    @Test
    void flatMeansWithinTenPercent() {
        assertTrue(PeerPriming.isFlat(new long[] {100, 105, 110}));
        assertFalse(PeerPriming.isFlat(new long[] {100, 105, 111}));
    }
}
