package designbench.ipc;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Exchanges messages with a fresh peer before JMH's warm-up starts. The peer's JVM is outside JMH's control: with a
 * short profile its event loop or socket code would still be interpreted during the measured iterations (Netty's
 * deeper stack most of all), and the table would show the peer's JIT, not the transport. Priming stops after
 * {@value #OPERATIONS} operations or one second, whichever comes first.
 */
final class PeerPriming {
    static final int OPERATIONS = 2_000;
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One exchange with the peer. */
    interface Exchange {
        void run() throws IOException;
    }

    private PeerPriming() {
    }

    static void prime(Exchange exchange) throws IOException {
        long deadline = System.nanoTime() + MAX_NANOS;
        for (int i = 0; i < OPERATIONS && System.nanoTime() < deadline; i++) {
            exchange.run();
        }
    }
}
