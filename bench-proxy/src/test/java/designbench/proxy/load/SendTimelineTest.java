package designbench.proxy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open loop's schedule, driven by a clock the test sets: no wall-clock time is involved. */
class SendTimelineTest {

    private static final long MS = 1_000_000L;

    @Test
    void workersInterleaveOnOneEvenTimeline() {
        SendTimeline first = new SendTimeline(0, 0, 1000 * MS, 400, 2, 0);
        SendTimeline second = new SendTimeline(0, 0, 1000 * MS, 400, 2, 1);
        assertEquals(List.of(0L, 5 * MS, 10 * MS), List.of(first.intended(0), first.intended(1), first.intended(2)));
        assertEquals(List.of(2_500_000L, 7_500_000L), List.of(second.intended(0), second.intended(1)));
    }

    @Test
    void everyRequestDueByNowIsTakenAtItsIntendedTimeAndTheNextWakeIsTheOneAfter() {
        SendTimeline timeline = new SendTimeline(0, 0, 1000 * MS, 200, 1, 0); // one every 5 ms
        List<Long> taken = new ArrayList<>();
        long now = 12 * MS; // the worker was late: three requests are due
        while (timeline.hasDue(now)) {
            taken.add(timeline.take());
        }
        assertEquals(List.of(0L, 5 * MS, 10 * MS), taken, "timed from when each was due, not from 12 ms");
        assertEquals(15 * MS, timeline.nextWake(now));
    }

    @Test
    void anOverdueRequestArmsNoWakeUp() {
        SendTimeline timeline = new SendTimeline(0, 0, 1000 * MS, 200, 1, 0);
        assertEquals(-1, timeline.nextWake(3 * MS), "the first request is overdue: a free connection sends it");
    }

    @Test
    void nothingIsDueAtOrAfterTheEnd() {
        SendTimeline timeline = new SendTimeline(0, 0, 10 * MS, 200, 1, 0); // due at 0 and 5 ms only
        int taken = 0;
        while (timeline.hasDue(1000 * MS)) {
            timeline.take();
            taken++;
        }
        assertEquals(2, taken);
        assertFalse(timeline.hasDue(Long.MAX_VALUE / 2));
        assertEquals(-1, timeline.nextWake(6 * MS));
    }

    @Test
    void aRunOfTwoSecondsAt400PerSecondHas800RequestsInItsWindowAcrossWorkers() {
        long start = 0;
        long measureFrom = 500 * MS;
        long end = measureFrom + 2000 * MS;
        long due = 0;
        for (int worker = 0; worker < 3; worker++) {
            due += new SendTimeline(start, measureFrom, end, 400, 3, worker).unsentInWindow();
        }
        assertEquals(800, due);
    }

    @Test
    void theBacklogOfAnOverloadedServerCountsOnlyTheMeasuredWindow() {
        // 100/s for 0.3 s of warm-up and 2 s measured; the server took only the first 50 requests.
        SendTimeline timeline = new SendTimeline(0, 300 * MS, 2300 * MS, 100, 1, 0);
        for (int i = 0; i < 50; i++) {
            timeline.take();
        }
        assertEquals(200 - 20, timeline.unsentInWindow(), "30 warm-up requests, 20 of the window sent");
    }

    @Test
    void aTimelineThatCannotExistIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SendTimeline(0, 0, MS, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SendTimeline(0, 0, MS, 100, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new SendTimeline(0, 2 * MS, MS, 100, 1, 0));
        assertEquals(0, new SendTimeline(0, 0, 0, 100, 1, 0).unsentInWindow(), "an empty window is a timeline");
    }
}
