package designbench.proxy.balance;

import designbench.proxy.net.Address;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One backend server: its address, whether it is taken out, and its counters. Health changes come from passive
 * detection (a refused connection or a timeout takes it out) and from active health checks (which take it out or
 * probe it back in).
 */
public final class Backend {

    private final Address address;
    private final String group;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile long downSinceNanos = -1;

    public Backend(Address address, String group) {
        this.address = address;
        this.group = group;
    }

    public Address address() {
        return address;
    }

    public String group() {
        return group;
    }

    public boolean isUp() {
        return downSinceNanos < 0;
    }

    /** Whether a down backend has been out for at least {@code nanos} (when no health check brings it back). */
    boolean downLongerThan(long nanos) {
        long since = downSinceNanos;
        return since >= 0 && System.nanoTime() - since >= nanos;
    }

    /**
     * Takes the backend out, or keeps it out for another fail timeout: a connect refused, a connect or response
     * timeout, or a failed health check.
     */
    public void markDown() {
        downSinceNanos = System.nanoTime();
    }

    public void markUp() {
        downSinceNanos = -1;
    }

    /** A failure that takes the backend out: refused, dropped before answering, or timed out. */
    public void failed() {
        failures.increment();
        markDown();
    }

    /** A failure counted against the backend that does not take it out (a reused connection found closed). */
    public void errored() {
        failures.increment();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public void started() {
        inFlight.incrementAndGet();
        requests.increment();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    public long requests() {
        return requests.sum();
    }

    public long failures() {
        return failures.sum();
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
