package designbench.ipc;

import designbench.ipc.transport.Peer;
import designbench.ipc.transport.Placement;
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
 * nothing during them, or after {@link #MAX_SECONDS} (3 s), whichever comes first. The peer runs much the same code as
 * this end (the same library's read and write paths), so a quiet JIT here is taken as a sign of one there; a flat
 * stretch alone could be a plateau before the next compilation.
 */
final class PeerPriming {
    static final int BATCH = 1_000;
    static final int MIN_OPERATIONS = 20_000;
    static final int FLAT_BATCHES = 3;
    static final int FLAT_PERCENT = 10;
    /**
     * The longest a priming may take, in seconds: 3, or the system property {@code designbench.ipc.primingSeconds}
     * (the build's smoke test shortens it; it checks that every benchmark runs, not what it measures).
     */
    static final long MAX_SECONDS = Long.getLong("designbench.ipc.primingSeconds", 3);
    /** The longest the second priming, once pinned, may take: the code is compiled by then. */
    static final long MAX_PINNED_SECONDS = Math.min(1, MAX_SECONDS);
    static final int CONNECTION_OPERATIONS = 2_000;

    /** One exchange with the peer. */
    interface Exchange {
        void run() throws IOException;
    }

    private PeerPriming() {
    }

    /**
     * Primes the exchange with every CPU, moves both ends into their placement, and for a pinned placement primes
     * again until the times settle there too: pinned, the two ends wake each other differently, and without this the
     * first second of a pinned Netty exchange ran several times slower than the seconds after it.
     */
    static void primeThenPin(Exchange exchange, Placement placement, Peer peer) throws IOException {
        prime(exchange, MAX_SECONDS);
        placement.pin(peer);
        if (placement != Placement.ANY_CPU) {
            prime(exchange, MAX_PINNED_SECONDS);
        }
    }

    /**
     * A brief priming of one more connection to a peer already primed: {@value #CONNECTION_OPERATIONS} operations or
     * one second, whichever comes first.
     */
    static void primeConnection(Exchange exchange) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (int i = 0; i < CONNECTION_OPERATIONS && System.nanoTime() - deadline < 0; i++) {
            exchange.run();
        }
    }

    /** @return the number of operations run */
    static long prime(Exchange exchange, long maxSeconds) throws IOException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compileMillis = jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit::getTotalCompilationTime : () -> 0;
        return prime(exchange, System::nanoTime, compileMillis, maxSeconds);
    }

    /**
     * Primes through {@code exchange}, timing batches with {@code nanoClock}.
     *
     * @param compileMillis this JVM's total JIT compilation time so far, in ms (a constant when unknown)
     * @param maxSeconds    the longest it may take
     * @return the number of operations run
     */
    static long prime(Exchange exchange, LongSupplier nanoClock, LongSupplier compileMillis, long maxSeconds)
            throws IOException {
        long start = nanoClock.getAsLong();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
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
