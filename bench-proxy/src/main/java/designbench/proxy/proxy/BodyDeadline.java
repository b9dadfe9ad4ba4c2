package designbench.proxy.proxy;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole-body timeout ({@code --body-timeout}) of the request a client connection is receiving: started when a
 * request with a body begins, cancelled once that body is complete or the client is gone. A body that trickles in
 * slower than any idle timeout notices still ends when it passes.
 */
final class BodyDeadline {

    private final Duration timeout;
    /** Due when the current request's body must be complete; null when none is being received. */
    private ScheduledFuture<?> due;

    /** @param timeout zero for none */
    BodyDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** Starts the deadline of a body now beginning, replacing any other; {@code expired} runs on {@code executor}. */
    void start(EventExecutor executor, Runnable expired) {
        cancel();
        if (!timeout.isZero()) {
            due = executor.schedule(() -> {
                due = null;
                expired.run();
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The body is complete, or never will be: the deadline no longer applies. */
    void cancel() {
        if (due != null) {
            due.cancel(false);
            due = null;
        }
    }

    Duration timeout() {
        return timeout;
    }
}
