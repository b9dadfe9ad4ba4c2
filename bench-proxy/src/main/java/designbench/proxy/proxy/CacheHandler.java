package designbench.proxy.proxy;

import designbench.proxy.cache.CachePolicy;
import designbench.proxy.cache.CachedResponse;
import designbench.proxy.cache.ResponseCache;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;

/**
 * Answers cache hits; on a miss marks the exchange so the forwarded response is stored, and with coalescing on
 * lets only one request per key go to the backend while the others wait for its answer.
 */
final class CacheHandler extends ChannelInboundHandlerAdapter {

    private final ResponseCache cache;
    private final CachePolicy policy;
    private final boolean coalesce;
    private final int maxObjectBytes;
    private final ProxyMetrics metrics;

    CacheHandler(ResponseCache cache, CachePolicy policy, boolean coalesce, int maxObjectBytes, ProxyMetrics metrics) {
        this.cache = cache;
        this.policy = policy;
        this.coalesce = coalesce;
        this.maxObjectBytes = maxObjectBytes;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = (Exchange) msg;
        HttpRequest request = exchange.request;
        if (exchange.hasBody || !policy.cacheable(request)) {
            ctx.fireChannelRead(exchange);
            return;
        }
        String host = request.headers().get(HttpHeaderNames.HOST, "");
        String key = request.method() + " " + host.toLowerCase(Locale.ROOT) + " " + request.uri() + " "
                + exchange.group.label();
        boolean mayServe = policy.mayServe(request);
        if (mayServe) {
            CachedResponse hit = cache.lookup(key, request.headers(), System.currentTimeMillis());
            if (hit != null) {
                metrics.cacheHits.increment();
                serve(exchange, hit);
                return;
            }
        }
        metrics.cacheMisses.increment();
        CacheStore store = new CacheStore(cache, policy, key, maxObjectBytes);
        exchange.cacheStore = store;
        if (coalesce && mayServe) {
            if (cache.lead(key)) {
                store.lead();
            } else if (cache.await(key, () -> exchange.eventLoop().execute(() -> afterWait(ctx, exchange, key)))) {
                exchange.readBody(false);
                return;
            }
        }
        ctx.fireChannelRead(exchange);
    }

    /** The fetch this request waited for has finished: answer from the cache, or fetch after all. */
    private void afterWait(ChannelHandlerContext ctx, Exchange exchange, String key) {
        if (exchange.finished) {
            return;
        }
        CachedResponse hit = cache.lookup(key, exchange.request.headers(), System.currentTimeMillis());
        if (hit != null) {
            metrics.cacheCoalesced.increment();
            serve(exchange, hit);
        } else {
            ctx.fireChannelRead(exchange);
        }
    }

    private static void serve(Exchange exchange, CachedResponse hit) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, hit.status(),
                Unpooled.wrappedBuffer(hit.body()));
        response.headers().set(hit.headers());
        response.headers().set(HttpHeaderNames.AGE, hit.ageSeconds(System.currentTimeMillis()));
        response.headers().set("X-Cache", "HIT");
        HopHeaders.addVia(response.headers());
        if (exchange.group.setCookie() != null) {
            response.headers().add(HttpHeaderNames.SET_COOKIE, exchange.group.setCookie());
        }
        HttpUtil.setContentLength(response, hit.body().length);
        exchange.respond(response, !exchange.keepAlive);
    }
}
