package designbench.proxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the proxy stopped sending to a killed origin, from polls of its counter (times in ms, as nanoseconds). */
class DeadOriginPollsTest {
    private static final long MS = 1_000_000;

    private static void poll(DeadOriginPolls polls, long startMillis, double count) {
        polls.poll(startMillis * MS, (startMillis + 1) * MS, count); // each poll takes 1 ms
    }

    @Test
    void theLastSendLiesBetweenThePollBeforeTheLastIncreaseAndThePollThatSawIt() {
        DeadOriginPolls polls = new DeadOriginPolls();
        poll(polls, 0, 100);
        poll(polls, 5, 105);
        polls.killed(7 * MS);
        poll(polls, 10, 108); // still rising: sent after (or just before) the kill
        poll(polls, 15, 109); // the last increase: the last send was after 10 ms and before 16 ms
        poll(polls, 20, 109);
        poll(polls, 25, 109);
        DeadOriginPolls.Stop stop = polls.stopped().orElseThrow();
        assertEquals(3.0, stop.fromMillis(), 1e-9);
        assertEquals(9.0, stop.toMillis(), 1e-9);
    }

    @Test
    void noIncreaseAfterTheKillMeansNoRequestAfterIt() {
        DeadOriginPolls polls = new DeadOriginPolls();
        poll(polls, 0, 90);
        poll(polls, 5, 100);
        polls.killed(10 * MS);
        poll(polls, 15, 100);
        DeadOriginPolls.Stop stop = polls.stopped().orElseThrow();
        assertEquals(0.0, stop.fromMillis());
        assertEquals(0.0, stop.toMillis());
    }

    @Test
    void aQuietSpellFollowedByMoreRequestsCountsFromTheLaterIncrease() {
        DeadOriginPolls polls = new DeadOriginPolls();
        poll(polls, 0, 100);
        polls.killed(2 * MS);
        poll(polls, 5, 100);
        poll(polls, 10, 100);
        poll(polls, 15, 103); // a retry burst after a quiet spell
        poll(polls, 20, 103);
        DeadOriginPolls.Stop stop = polls.stopped().orElseThrow();
        assertEquals(8.0, stop.fromMillis(), 1e-9);
        assertEquals(14.0, stop.toMillis(), 1e-9);
    }

    @Test
    void aProxyThatNeverStopsSendingIsNotObserved() {
        DeadOriginPolls polls = new DeadOriginPolls();
        poll(polls, 0, 100);
        polls.killed(2 * MS);
        for (int i = 1; i <= 20; i++) {
            poll(polls, i * 5, 100 + i);
        }
        assertTrue(polls.stopped().isEmpty());
    }

    @Test
    void anUnreadablePollIsNeitherTrafficNorQuiet() {
        DeadOriginPolls polls = new DeadOriginPolls();
        poll(polls, 0, 90);
        poll(polls, 5, 100);
        polls.killed(7 * MS);
        poll(polls, 10, -1); // the admin endpoint did not answer
        poll(polls, 15, -1);
        assertTrue(polls.stopped().isEmpty(), "nothing readable after the kill yet");
        poll(polls, 20, 100);
        assertEquals(new DeadOriginPolls.Stop(0, 0), polls.stopped().orElseThrow());
    }

    @Test
    void withoutAKillOrWithoutAnyTrafficThereIsNoAnswer() {
        DeadOriginPolls polls = new DeadOriginPolls();
        poll(polls, 0, 1);
        poll(polls, 5, 2);
        poll(polls, 10, 2);
        assertTrue(polls.stopped().isEmpty(), "no kill");
        DeadOriginPolls idle = new DeadOriginPolls();
        poll(idle, 0, 0);
        idle.killed(2 * MS);
        poll(idle, 5, 0);
        assertTrue(idle.stopped().isEmpty(), "the counter never rose: nothing to say");
    }
}
