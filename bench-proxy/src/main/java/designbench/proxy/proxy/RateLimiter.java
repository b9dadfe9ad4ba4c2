package designbench.proxy.proxy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A token bucket per client address (Bucket4j): {@code burst} requests at once, refilled at {@code rate} per
 * second. Buckets of clients gone quiet are dropped, so a flood of addresses cannot grow it without bound.
 */
final class RateLimiter {

    private final long rate;
    private final long burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimiter(long ratePerSecond, long burst) {
        this.rate = ratePerSecond;
        this.burst = burst;
    }

    /** 0 when the request may go on, else the seconds after which the client may retry (at least 1). */
    long tryAcquire(String client) {
        Bucket bucket = buckets.get(client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
