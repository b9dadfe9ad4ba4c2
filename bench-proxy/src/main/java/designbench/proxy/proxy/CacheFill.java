package designbench.proxy.proxy;

import designbench.proxy.cache.CachePolicy;
import designbench.proxy.cache.CachedResponse;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

/** A copy of a response being streamed to the client, taken for the cache, up to the largest storable size. */
final class CacheFill {

    private final HttpResponseStatus status;
    private final HttpHeaders headers;
    private final List<String> varyNames;
    private final long storedAt;
    private final long freshUntil;
    private final int limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    CacheFill(HttpResponse response, long nowMillis, Duration freshness, int limit) {
        this.status = response.status();
        this.headers = response.headers().copy();
        HopHeaders.strip(headers);
        this.varyNames = CachePolicy.varyNames(headers);
        this.storedAt = nowMillis;
        this.freshUntil = nowMillis + freshness.toMillis();
        this.limit = limit;
    }

    /** Copies a part of the body; false when the body outgrew what the cache stores (the fill is abandoned). */
    boolean append(ByteBuf content) {
        int n = content.readableBytes();
        if (body.size() + n > limit) {
            return false;
        }
        body.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(content));
        return true;
    }

    CachedResponse toCachedResponse() {
        byte[] bytes = body.toByteArray();
        headers.remove(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH);
        return new CachedResponse(status, headers, bytes, storedAt, freshUntil, varyNames);
    }
}
