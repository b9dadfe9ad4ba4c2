package designbench.runner.launch;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Bounds the time of one benchmark fork. JMH waits for a fork without limit, and a fork can hang (we have seen
 * JMH's end-of-iteration barrier never release with many virtual worker threads), which would stall the whole
 * run. When a fork runs far longer than its profile allows, the watchdog ends it; JMH then reports the fork as
 * failed and goes on, and the failure record says why.
 */
final class ForkWatchdog implements AutoCloseable {
    private final long limitNanos;
    private final LongSupplier nanoClock;
    private final Runnable endFork;
    private final Thread thread;
    private long forkStartNanos = -1;
    private String killReason;

    /**
     * @param limit how long one fork may run, from its start to its result
     */
    ForkWatchdog(Duration limit, LongSupplier nanoClock) {
        this(limit, nanoClock, ForkWatchdog::endChildProcesses);
    }

    /** @param endFork what ending the running fork means; tests pass their own */
    ForkWatchdog(Duration limit, LongSupplier nanoClock, Runnable endFork) {
        this.limitNanos = limit.toNanos();
        this.nanoClock = nanoClock;
        this.endFork = endFork;
        this.thread = Thread.ofPlatform().daemon().name("fork-watchdog").unstarted(this::watch);
    }

    /** The limit for a profile's fork: ten times its planned iterations, and never under two minutes. */
    static Duration limitFor(long plannedForkMillis) {
        return Duration.ofMillis(Math.max(120_000, 10 * plannedForkMillis));
    }

    void start() {
        thread.start();
    }

    synchronized void forkStarted() {
        forkStartNanos = nanoClock.getAsLong();
        killReason = null;
    }

    synchronized void forkEnded() {
        forkStartNanos = -1;
    }

    /** Why the watchdog ended the current fork, or null if it did not; reading it clears it. */
    synchronized String takeKillReason() {
        String reason = killReason;
        killReason = null;
        return reason;
    }

    /** Checks once; ends the running fork if it is over its limit. Returns whether it did. */
    synchronized boolean check() {
        if (forkStartNanos < 0 || nanoClock.getAsLong() - forkStartNanos <= limitNanos) {
            return false;
        }
        killReason = "fork ended by the watchdog after " + Duration.ofNanos(limitNanos).toSeconds()
                + " s without a result (hung?)";
        forkStartNanos = -1;
        endFork.run();
        return true;
    }

    /** The forks are this JVM's only child processes: JMH starts one at a time. */
    private static void endChildProcesses() {
        ProcessHandle.current().children().forEach(child -> {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        });
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
