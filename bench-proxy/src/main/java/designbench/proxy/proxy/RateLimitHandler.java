package designbench.proxy.proxy;

import designbench.proxy.net.TextResponse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Answers 429 with Retry-After to a client over its rate ({@link RateLimiter}, per client address). */
final class RateLimitHandler extends ChannelInboundHandlerAdapter {

    private final RateLimiter limiter;
    private final ProxyMetrics metrics;

    RateLimitHandler(RateLimiter limiter, ProxyMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = (Exchange) msg;
        long retryAfterSeconds = limiter.tryAcquire(exchange.clientAddress());
        if (retryAfterSeconds <= 0) {
            ctx.fireChannelRead(exchange);
            return;
        }
        metrics.rateLimited.increment();
        HttpResponseStatus status = HttpResponseStatus.TOO_MANY_REQUESTS;
        FullHttpResponse response = TextResponse.of(status, status + ": rate limit exceeded\n");
        response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds);
        // A body it did not read would have to be read and dropped: the connection closes instead.
        exchange.respond(response, exchange.hasBody || !exchange.keepAlive);
    }
}
