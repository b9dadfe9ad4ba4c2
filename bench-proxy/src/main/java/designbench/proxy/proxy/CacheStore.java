package designbench.proxy.proxy;

import designbench.proxy.cache.CachePolicy;
import designbench.proxy.cache.ResponseCache;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Duration;

/**
 * What a cache miss asks of its forwarded response: a copy kept while it streams to the client, stored when it is
 * complete and storable, and, when this exchange leads the fetch of its key, the waiting requests released at the
 * end however it ends.
 */
final class CacheStore {

    private final ResponseCache cache;
    private final CachePolicy policy;
    private final String key;
    private final int maxObjectBytes;
    private boolean leader;
    private CacheFill fill;

    CacheStore(ResponseCache cache, CachePolicy policy, String key, int maxObjectBytes) {
        this.cache = cache;
        this.policy = policy;
        this.key = key;
        this.maxObjectBytes = maxObjectBytes;
    }

    /** This exchange fetches the key for every request that waits on it. */
    void lead() {
        leader = true;
    }

    /** A response head arrived: a copy is kept if the policy lets it be stored and it is small enough. */
    void responseHead(HttpRequest request, HttpResponse response) {
        long now = System.currentTimeMillis();
        Duration fresh = policy.freshness(request, response, now);
        long length = HttpUtil.getContentLength(response, -1L);
        fill = fresh != null && length <= maxObjectBytes ? new CacheFill(response, now, fresh, maxObjectBytes) : null;
    }

    void content(ByteBuf content) {
        if (fill != null && !fill.append(content)) {
            fill = null;
        }
    }

    /** The response broke off: nothing of it is stored (a retry starts a new copy). */
    void dropCopy() {
        fill = null;
    }

    /** The response is complete: stored if a copy was kept. */
    void complete(HttpRequest request) {
        if (fill != null) {
            cache.store(key, request.headers(), fill.toCachedResponse());
            fill = null;
        }
    }

    /** The exchange is over: requests waiting on this fetch look again. */
    void end() {
        if (leader) {
            leader = false;
            cache.finish(key);
        }
    }
}
