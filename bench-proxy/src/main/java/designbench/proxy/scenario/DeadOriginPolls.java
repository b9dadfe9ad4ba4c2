package designbench.proxy.scenario;

import java.util.Optional;

/**
 * What the polls of the proxy's request counter for a killed origin say about when the proxy stopped sending to it.
 * A poll sees the counter, not each request, so the answer is an interval: the last increase of the counter lies
 * between the start of the poll before it and the end of the poll that saw it, and the proxy's last request to the
 * dead origin lies there too. Its width is about one poll interval, the answer's resolution. The answer needs a
 * quiet poll after the last increase, after the kill: a counter still rising at the last poll is "not observed".
 * An unreadable poll says nothing and is skipped, never taken for traffic. Thread-safe: the kill and the polls come
 * from timer threads, the answer is read by the scenario.
 */
final class DeadOriginPolls {
    /** When the proxy's last request to the dead origin went out, in ms after the kill (0 at or before it). */
    record Stop(double fromMillis, double toMillis) {
    }

    private record Poll(long startNanos, long endNanos, double count) {
    }

    private boolean killed;
    private long killedAtNanos;
    private Poll previous;
    /** The last two readable polls between which the counter rose; null before any rise. */
    private Poll riseFrom;
    private Poll riseTo;
    /** Whether the last comparison of two readable polls showed no increase. */
    private boolean quiet;
    /** Whether a readable poll started after the kill. */
    private boolean readAfterKill;

    /** The origin was killed at this time ({@code System.nanoTime()} scale). */
    synchronized void killed(long nanos) {
        killed = true;
        killedAtNanos = nanos;
    }

    /**
     * One poll of the counter, which was read at some moment between the poll's start and end.
     *
     * @param count the proxy's count of requests sent to the origin, or a negative value when the poll failed
     */
    synchronized void poll(long startNanos, long endNanos, double count) {
        if (count < 0) {
            return;
        }
        Poll now = new Poll(startNanos, endNanos, count);
        if (previous != null) {
            quiet = count <= previous.count();
            if (!quiet) {
                riseFrom = previous;
                riseTo = now;
            }
        }
        if (killed && startNanos > killedAtNanos) {
            readAfterKill = true;
        }
        previous = now;
    }

    /**
     * When the proxy stopped sending to the dead origin; empty when the origin was not killed, no readable poll
     * followed the kill, the counter never rose, or it was still rising at the last poll.
     */
    synchronized Optional<Stop> stopped() {
        if (!killed || !readAfterKill || !quiet || riseTo == null) {
            return Optional.empty();
        }
        return Optional.of(new Stop(Math.max(0, (riseFrom.startNanos() - killedAtNanos) / 1e6),
                Math.max(0, (riseTo.endNanos() - killedAtNanos) / 1e6)));
    }
}
