package designbench.proxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the proxy stopped sending to a killed origin, from polls of its counter (times in ms, as nanoseconds). */
class DeadOriginPollsTest {
    private static final long MS = 1_000_000;

    @Test
    void theBoundIsTheFirstPollAfterTheKillAtWhichTheCounterHadStoppedRising() {
        DeadOriginPolls polls = new DeadOriginPolls();
        polls.poll(0, 100);
        polls.poll(50 * MS, 150);
        polls.killed(60 * MS);
        polls.poll(100 * MS, 170); // still rising: sent after (or just before) the kill
        polls.poll(150 * MS, 171);
        polls.poll(200 * MS, 171); // quiet from here on
        polls.poll(250 * MS, 171);
        assertEquals(140.0, polls.stoppedWithinMillis().getAsDouble(), 1e-9);
    }

    @Test
    void noIncreaseAfterTheKillBoundsItByTheFirstPollNotByZero() {
        DeadOriginPolls polls = new DeadOriginPolls();
        polls.poll(0, 100);
        polls.killed(10 * MS);
        polls.poll(50 * MS, 100);
        assertEquals(40.0, polls.stoppedWithinMillis().getAsDouble(), 1e-9, "within one poll, not 0 ms");
    }

    @Test
    void aProxyThatNeverStopsSendingIsNotObserved() {
        DeadOriginPolls polls = new DeadOriginPolls();
        polls.poll(0, 100);
        polls.killed(10 * MS);
        for (int i = 1; i <= 20; i++) {
            polls.poll(i * 50 * MS, 100 + i);
        }
        assertTrue(polls.stoppedWithinMillis().isEmpty());
    }

    @Test
    void anUnreadablePollIsNeitherTrafficNorQuiet() {
        DeadOriginPolls polls = new DeadOriginPolls();
        polls.poll(0, 100);
        polls.killed(10 * MS);
        polls.poll(50 * MS, -1); // the admin endpoint did not answer
        polls.poll(100 * MS, -1);
        assertTrue(polls.stoppedWithinMillis().isEmpty(), "nothing readable after the kill yet");
        polls.poll(150 * MS, 100);
        assertEquals(140.0, polls.stoppedWithinMillis().getAsDouble(), 1e-9);
    }

    @Test
    void withoutAKillThereIsNoAnswer() {
        DeadOriginPolls polls = new DeadOriginPolls();
        polls.poll(0, 1);
        polls.poll(50 * MS, 1);
        assertTrue(polls.stoppedWithinMillis().isEmpty());
    }
}
