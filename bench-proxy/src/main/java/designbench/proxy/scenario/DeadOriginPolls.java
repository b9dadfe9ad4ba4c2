package designbench.proxy.scenario;

import java.util.OptionalDouble;

/**
 * What the polls of the proxy's request counter for a killed origin say about when the proxy stopped sending to it.
 * A poll only sees the counter, not each request, so the answer is an upper bound: the first readable poll after the
 * kill at which the counter had stopped rising, minus the kill time. Times shorter than one poll interval cannot be
 * told apart. An unreadable poll says nothing and is skipped, never taken for traffic. Thread-safe: the kill and the
 * polls come from a timer thread, the answer is read by the scenario.
 */
final class DeadOriginPolls {
    private long killedAtNanos;
    private boolean killed;
    private double lastCount = Double.NaN;
    /** The first readable poll after the kill with no increase since the one before; 0 while still rising. */
    private long firstQuietPollNanos;

    /** The origin was killed at this time ({@code System.nanoTime()} scale). */
    synchronized void killed(long nanos) {
        killed = true;
        killedAtNanos = nanos;
        firstQuietPollNanos = 0;
    }

    /**
     * One poll of the counter.
     *
     * @param count the proxy's count of requests sent to the origin, or a negative value when the poll failed
     */
    synchronized void poll(long nanos, double count) {
        if (count < 0) {
            return;
        }
        if (killed && !Double.isNaN(lastCount)) {
            if (count > lastCount) {
                firstQuietPollNanos = 0;
            } else if (firstQuietPollNanos == 0) {
                firstQuietPollNanos = nanos;
            }
        }
        lastCount = count;
    }

    /**
     * Milliseconds from the kill to the first poll at which the proxy had stopped sending to the dead origin (an
     * upper bound); empty when the origin was not killed, no readable poll compared two counts after the kill, or the
     * counter was still rising at the last poll.
     */
    synchronized OptionalDouble stoppedWithinMillis() {
        return killed && firstQuietPollNanos != 0
                ? OptionalDouble.of((firstQuietPollNanos - killedAtNanos) / 1e6) : OptionalDouble.empty();
    }
}
