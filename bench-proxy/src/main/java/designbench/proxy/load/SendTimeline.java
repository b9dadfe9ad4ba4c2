package designbench.proxy.load;

/**
 * One worker's share of an open loop's timeline, as wrk2 keeps it: the k-th request of worker i of n is due at
 * {@code start + (k·n + i) / rate}, so the workers interleave on one even timeline, and a request is timed from when
 * it was due, not from when a connection came free to send it. Plain arithmetic on {@link System#nanoTime()}-style
 * values that the caller passes in, so a test drives it with any clock. Not thread-safe: one event loop owns it.
 */
final class SendTimeline {
    private final long startNanos;
    private final long measureFromNanos;
    private final long endNanos;
    private final double rate;
    private final int workerCount;
    private final int index;
    private long sent;

    /**
     * @param startNanos       when the first request is due (warm-up starts)
     * @param measureFromNanos when the measured window starts: requests due before it are warm-up
     * @param endNanos         when the run ends: no request is due at or after it
     * @param rate             requests per second over all workers, > 0
     * @param workerCount      how many workers share the timeline
     * @param index            this worker's place among them, 0-based
     */
    SendTimeline(long startNanos, long measureFromNanos, long endNanos, double rate, int workerCount, int index) {
        if (!(rate > 0) || workerCount < 1 || index < 0 || index >= workerCount
                || measureFromNanos < startNanos || endNanos < measureFromNanos) {
            throw new IllegalArgumentException("not a timeline: start " + startNanos + ", measured from "
                    + measureFromNanos + " to " + endNanos + ", " + rate + "/s, worker " + index + " of "
                    + workerCount);
        }
        this.startNanos = startNanos;
        this.measureFromNanos = measureFromNanos;
        this.endNanos = endNanos;
        this.rate = rate;
        this.workerCount = workerCount;
        this.index = index;
    }

    /** When this worker's k-th request (0-based) is due. */
    long intended(long k) {
        return startNanos + (long) ((k * workerCount + index) * 1e9 / rate);
    }

    /** Whether the next request is due at {@code now} and still inside the run. */
    boolean hasDue(long now) {
        long due = intended(sent);
        return due <= now && due < endNanos;
    }

    /** Takes the next request: returns when it was due, the time its latency is measured from. */
    long take() {
        return intended(sent++);
    }

    /**
     * When to wake up for the next request: its due time if it lies after {@code now} and inside the run, or -1 when
     * none does (it is overdue, and the next connection to come free sends it; or the timeline has ended).
     */
    long nextWake(long now) {
        long next = intended(sent);
        return next > now && next < endNanos ? next : -1;
    }

    /** The requests due inside the measured window that were never taken: the backlog an overloaded server left. */
    long unsentInWindow() {
        long unsent = 0;
        for (long k = sent; intended(k) < endNanos; k++) {
            if (intended(k) >= measureFromNanos) {
                unsent++;
            }
        }
        return unsent;
    }
}
