package designbench.proxy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The response cache: Caffeine, bounded in bytes, with its W-TinyLFU eviction that keeps frequently used keys,
 * each entry expiring when it stops being fresh. The primary key is method + host + target (+ the A/B group);
 * a response with Vary is stored under the primary key plus the values of the headers it names, and the names
 * are remembered per primary key so a lookup knows which request headers to add.
 *
 * <p>It also coalesces misses: the first miss on a key {@linkplain #lead leads} and fetches; later misses on the
 * same key {@linkplain #await wait} for the leader to {@linkplain #finish finish} and then look again.
 */
public final class ResponseCache {

    private final Cache<String, CachedResponse> entries;
    private final Cache<String, List<String>> varyByPrimary;
    private final ConcurrentMap<String, List<Runnable>> fetches = new ConcurrentHashMap<>();

    public ResponseCache(long maxBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedResponse value) -> value.weight() + key.length())
                .expireAfter(new Expiry<String, CachedResponse>() {
                    @Override
                    public long expireAfterCreate(String key, CachedResponse value, long currentTime) {
                        return Duration.ofMillis(Math.max(0, value.freshUntilMillis() - System.currentTimeMillis()))
                                .toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, CachedResponse value, long currentTime,
                                                  long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, CachedResponse value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
        this.varyByPrimary = Caffeine.newBuilder().maximumSize(1_000_000).build();
    }

    /** A fresh stored response for this request, or null. */
    public CachedResponse lookup(String primaryKey, HttpHeaders requestHeaders, long nowMillis) {
        List<String> names = varyByPrimary.getIfPresent(primaryKey);
        if (names == null) {
            return null;
        }
        CachedResponse hit = entries.getIfPresent(fullKey(primaryKey, names, requestHeaders));
        return hit != null && hit.freshAt(nowMillis) ? hit : null;
    }

    public void store(String primaryKey, HttpHeaders requestHeaders, CachedResponse response) {
        varyByPrimary.put(primaryKey, response.varyNames());
        entries.put(fullKey(primaryKey, response.varyNames(), requestHeaders), response);
    }

    /** Whether this caller is the one to fetch {@code primaryKey}; if so it must call {@link #finish} later. */
    public boolean lead(String primaryKey) {
        return fetches.putIfAbsent(primaryKey, new ArrayList<>()) == null;
    }

    /**
     * Registers {@code then} to run when the current fetch of {@code primaryKey} finishes; false, and nothing
     * registered, when no fetch is running any more (look again).
     */
    public boolean await(String primaryKey, Runnable then) {
        boolean[] registered = {false};
        fetches.computeIfPresent(primaryKey, (key, waiters) -> {
            waiters.add(then);
            registered[0] = true;
            return waiters;
        });
        return registered[0];
    }

    /** Ends the fetch of {@code primaryKey} (stored or not) and runs its waiters. */
    public void finish(String primaryKey) {
        List<Runnable> waiters = fetches.remove(primaryKey);
        if (waiters != null) {
            for (Runnable waiter : waiters) {
                waiter.run();
            }
        }
    }

    public long size() {
        return entries.estimatedSize();
    }

    private static String fullKey(String primaryKey, List<String> varyNames, HttpHeaders requestHeaders) {
        if (varyNames.isEmpty()) {
            return primaryKey;
        }
        StringBuilder key = new StringBuilder(primaryKey);
        for (String name : varyNames) {
            key.append('\n').append(name).append(':').append(String.join(",", requestHeaders.getAll(name)));
        }
        return key.toString();
    }
}
