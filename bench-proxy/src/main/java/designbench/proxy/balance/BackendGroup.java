package designbench.proxy.balance;

import designbench.proxy.net.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A group of backends and the balancing that picks one of them per request. */
public final class BackendGroup {

    private final String name;
    private final List<Backend> backends;
    private final Balancing balancing;
    private final long failTimeoutNanos;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param failTimeout how long a backend taken out stays out when nothing probes it back; zero: until a health
     *                    check does
     */
    public BackendGroup(String name, List<Address> addresses, Balancing balancing, Duration failTimeout) {
        this.name = name;
        this.backends = addresses.stream().map(a -> new Backend(a, name)).toList();
        this.balancing = balancing;
        this.failTimeoutNanos = failTimeout.toNanos();
    }

    public String name() {
        return name;
    }

    public List<Backend> backends() {
        return backends;
    }

    /**
     * The backend for the next request, skipping those in {@code exclude} (already tried for it). Backends that are
     * down are skipped too, unless every other choice is excluded or down, or they have been out longer than the
     * fail timeout: then they are tried, since a request sent to a possibly dead backend beats one refused for
     * sure. Null only when every backend is excluded.
     */
    public Backend pick(Collection<Backend> exclude) {
        List<Backend> up = new ArrayList<>(backends.size());
        List<Backend> candidates = new ArrayList<>(backends.size());
        for (Backend backend : backends) {
            if (exclude.contains(backend)) {
                continue;
            }
            candidates.add(backend);
            if (backend.isUp() || (failTimeoutNanos > 0 && backend.downLongerThan(failTimeoutNanos))) {
                up.add(backend);
            }
        }
        List<Backend> from = up.isEmpty() ? candidates : up;
        if (from.isEmpty()) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), from.size());
        if (balancing == Balancing.ROUND_ROBIN) {
            return from.get(start);
        }
        Backend best = null;
        for (int i = 0; i < from.size(); i++) {
            Backend b = from.get((start + i) % from.size());
            if (best == null || b.inFlight() < best.inFlight()) {
                best = b;
            }
        }
        return best;
    }
}
