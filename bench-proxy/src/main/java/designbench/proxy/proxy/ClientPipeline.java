package designbench.proxy.proxy;

import designbench.proxy.cache.CachePolicy;
import designbench.proxy.cache.ResponseCache;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * A client connection's pipeline, one handler per concern in the order a request meets them: the proxy's table of
 * contents. Handlers of features that are off are left out. After {@link ClientConnection} the message is an
 * {@link Exchange}: each handler answers it or passes it on.
 */
final class ClientPipeline extends ChannelInitializer<Channel> {

    private final ProxyConfig config;
    private final ProxyMetrics metrics;
    private final RateLimiter rateLimiter;
    private final StaticFiles staticFiles;
    private final AbRouting routing;
    private final ResponseCache cache;
    private final CachePolicy cachePolicy;
    private final BackendConnections connections;

    /** @param rateLimiter, staticFiles, cache null when that feature is off */
    ClientPipeline(ProxyConfig config, ProxyMetrics metrics, RateLimiter rateLimiter, StaticFiles staticFiles,
            AbRouting routing, ResponseCache cache, CachePolicy cachePolicy, BackendConnections connections) {
        this.config = config;
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
        this.staticFiles = staticFiles;
        this.routing = routing;
        this.cache = cache;
        this.cachePolicy = cachePolicy;
        this.connections = connections;
    }

    @Override
    protected void initChannel(Channel ch) {
        HeadTimeout headTimeout = new HeadTimeout(config.headerTimeout().toMillis());
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast(
                new IdleTimeout(config.idleTimeout().toMillis()),  // no reads, no writes, no output progress
                headTimeout,                                    // 408 for a head that trickles in
                new StrictRequestDecoder(config.maxRequestLine(), config.maxHeaderBytes()),
                new HttpResponseEncoder());
        if (staticFiles != null) {
            // Streams files; only there when they are served, since it queues every outbound message and flushes
            // after each one.
            pipeline.addLast(new ChunkedWriteHandler());
        }
        pipeline.addLast(
                new ClientConnection(headTimeout, metrics, config.maxBodyBytes(), config.bodyTimeout()),
                new RequestCheckHandler(config.serverNames(), config.maxBodyBytes())); // refuse before any work
        if (rateLimiter != null) {
            pipeline.addLast(new RateLimitHandler(rateLimiter, metrics));      // 429 for a client over its rate
        }
        if (staticFiles != null) {
            pipeline.addLast(new StaticFileHandler(staticFiles));              // files under the static prefix
        }
        pipeline.addLast(new AbGroupHandler(routing));                         // backend group A or B
        if (cache != null) {
            pipeline.addLast(new CacheHandler(cache, cachePolicy, config.coalesce(), config.cacheMaxObject(),
                    metrics));                                                 // hits answered, misses stored
        }
        pipeline.addLast(new ForwardingHandler(connections, config.backendTimeout(), metrics)); // the rest upstream
    }
}
