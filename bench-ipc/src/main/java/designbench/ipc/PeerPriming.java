package designbench.ipc;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Exchanges messages with a fresh peer before JMH's warm-up starts, until both ends are compiled. The peer's JVM is
 * outside JMH's control: with a short profile its event loop or socket code would still be interpreted or compiling
 * during the measured iterations (Netty's deeper stack most of all, and on one pinned CPU the compiler threads take
 * turns with the exchange itself), and the table would show the peer's JIT, not the transport.
 *
 * <p>Priming runs batches of {@value #BATCH} operations, at least {@value #MIN_OPERATIONS} operations in all (about
 * what HotSpot's tiered compiler needs to compile a method called once per message with C2), and then stops once the
 * last {@value #FLAT_BATCHES} batches lie within {@value #FLAT_PERCENT} % of each other and this JVM's JIT compiled
 * nothing during them, or after {@value #MAX_SECONDS} s, whichever comes first. The peer runs much the same code as
 * this end (the same library's read and write paths), so a quiet JIT here is taken as a sign of one there; a flat
 * stretch alone could be a plateau before the next compilation.
 */
final class PeerPriming {
    static final int BATCH = 1_000;
    static final int MIN_OPERATIONS = 20_000;
    static final int FLAT_BATCHES = 3;
    static final int FLAT_PERCENT = 10;
    static final long MAX_SECONDS = 10;

    /** One exchange with the peer. */
    interface Exchange {
        void run() throws IOException;
    }

    private PeerPriming() {
    }

    /** @return the number of operations run */
    static long prime(Exchange exchange) throws IOException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compileMillis = jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit::getTotalCompilationTime : () -> 0;
        return prime(exchange, System::nanoTime, compileMillis);
    }

    /**
     * Primes through {@code exchange}, timing batches with {@code nanoClock}.
     *
     * @param compileMillis this JVM's total JIT compilation time so far, in ms (a constant when unknown)
     * @return the number of operations run
     */
    static long prime(Exchange exchange, LongSupplier nanoClock, LongSupplier compileMillis) throws IOException {
        long start = nanoClock.getAsLong();
        long deadline = start + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        long[] recentBatchNanos = new long[FLAT_BATCHES];
        long operations = 0;
        long batchStart = start;
        long[] compileMillisAtBatchEnd = new long[FLAT_BATCHES + 1];
        for (int batch = 0; ; batch++) {
            for (int i = 0; i < BATCH; i++) {
                exchange.run();
            }
            operations += BATCH;
            long now = nanoClock.getAsLong();
            recentBatchNanos[batch % FLAT_BATCHES] = now - batchStart;
            batchStart = now;
            long compiled = compileMillis.getAsLong();
            compileMillisAtBatchEnd[batch % (FLAT_BATCHES + 1)] = compiled;
            boolean jitQuiet = batch >= FLAT_BATCHES
                    && compileMillisAtBatchEnd[(batch + 1) % (FLAT_BATCHES + 1)] == compiled;
            if (now - deadline >= 0 || (operations >= MIN_OPERATIONS && jitQuiet && isFlat(recentBatchNanos))) {
                return operations;
            }
        }
    }

    /** Whether the slowest of these times is within {@value #FLAT_PERCENT} % of the fastest. */
    static boolean isFlat(long[] nanos) {
        long fastest = Long.MAX_VALUE;
        long slowest = 0;
        for (long n : nanos) {
            fastest = Math.min(fastest, n);
            slowest = Math.max(slowest, n);
        }
        return slowest * 100 <= fastest * (100L + FLAT_PERCENT);
    }
}
