package designbench.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The watchdog's decisions on an injected clock: no sleeping, and no real process is ended. */
class ForkWatchdogTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger forksEnded = new AtomicInteger();
    private final ForkWatchdog watchdog =
            new ForkWatchdog(Duration.ofSeconds(120), now::get, forksEnded::incrementAndGet);

    @Test
    void aForkWithinItsLimitIsLeftAlone() {
        watchdog.forkStarted();
        now.addAndGet(Duration.ofSeconds(119).toNanos());
        assertFalse(watchdog.check());
        watchdog.forkEnded();
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertFalse(watchdog.check(), "no fork is running");
        assertEquals(0, forksEnded.get());
        assertNull(watchdog.takeKillReason());
    }

    @Test
    void aForkOverItsLimitIsEndedOnceWithAReason() {
        watchdog.forkStarted();
        now.addAndGet(Duration.ofSeconds(121).toNanos());
        assertTrue(watchdog.check());
        assertFalse(watchdog.check(), "ended once, not again");
        assertEquals(1, forksEnded.get());
        String reason = watchdog.takeKillReason();
        assertTrue(reason.contains("after 120 s"), reason);
        assertNull(watchdog.takeKillReason(), "the reason belongs to one failure only");
    }

    @Test
    void theLimitIsTenTimesThePlanButAtLeastTwoMinutes() {
        assertEquals(Duration.ofMinutes(2), ForkWatchdog.limitFor(700));
        assertEquals(Duration.ofSeconds(300), ForkWatchdog.limitFor(30_000));
    }
}
