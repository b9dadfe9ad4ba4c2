package designbench.proxy.cache;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/**
 * A stored response: status, end-to-end headers and the whole body, with the time it was stored and until when it
 * is fresh.
 *
 * @param varyNames the request headers (lower case) whose values were part of its key
 */
public record CachedResponse(HttpResponseStatus status, HttpHeaders headers, byte[] body, long storedAtMillis,
                             long freshUntilMillis, List<String> varyNames) {

    /** Bytes it holds in the cache, roughly: the body plus the headers. */
    int weight() {
        int headerBytes = 0;
        for (var header : headers) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return body.length + headerBytes + 64;
    }

    public boolean freshAt(long nowMillis) {
        return nowMillis < freshUntilMillis;
    }

    /** Seconds since it was stored, for the Age header. */
    public long ageSeconds(long nowMillis) {
        return Math.max(0, (nowMillis - storedAtMillis) / 1000);
    }
}
