package designbench.proxy.proxy;

import designbench.proxy.balance.Backend;
import designbench.proxy.balance.BackendGroup;
import designbench.proxy.cache.CachePolicy;
import designbench.proxy.cache.ResponseCache;
import designbench.proxy.net.Address;
import designbench.proxy.net.Listeners;
import designbench.proxy.net.Transports;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reverse proxy: listeners for clients (TCP and/or Unix domain sockets), backend groups with balancing and
 * health checks, the response cache, static files, per-client rate limits, A/B routing and an admin endpoint, all
 * on one Netty event-loop group shared by client and backend connections.
 */
public final class ProxyServer implements AutoCloseable {

    private final ProxyConfig config;
    private final EventLoopGroup group;
    private final BackendGroup groupA;
    private final BackendGroup groupB;
    private final AbRouting routing;
    private final ResponseCache cache;
    private final CachePolicy cachePolicy;
    private final RateLimiter rateLimiter;
    private final StaticFiles staticFiles;
    private final ProxyMetrics metrics = new ProxyMetrics();
    private final BackendConnections connections;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Listeners listeners;
    private final Listeners adminListeners;

    private ProxyServer(ProxyConfig config) {
        this.config = config;
        this.groupA = new BackendGroup("a", config.groupA(), config.balancing(), failTimeout(config));
        this.groupB = config.abEnabled()
                ? new BackendGroup("b", config.groupB(), config.balancing(), failTimeout(config)) : null;
        this.routing = new AbRouting(config.abCookie(), config.abPercentB(), groupA, groupB);
        this.cache = config.cacheEnabled() ? new ResponseCache(config.cacheBytes()) : null;
        this.cachePolicy = new CachePolicy(config.cacheAuthorized(), config.cacheSetCookie());
        this.rateLimiter = config.ratePerSecond() > 0 ? new RateLimiter(config.ratePerSecond(), config.burst()) : null;
        this.staticFiles = config.staticDir() != null ? new StaticFiles(config.staticPrefix(), config.staticDir()) : null;
        this.connections = new BackendConnections(config.connectTimeout());
        this.group = Transports.newGroup(config.threads());
        try {
            this.listeners = Listeners.bind(group, config.listen(), new ClientPipeline(config, metrics, rateLimiter,
                    staticFiles, routing, cache, cachePolicy, connections));
            closeables.add(listeners);
            this.adminListeners = config.admin() == null ? null
                    : Listeners.bind(group, List.of(config.admin()), new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, 60, TimeUnit.SECONDS),
                                    new HttpServerCodec(), new HttpObjectAggregator(8192), new AdminHandler(
                                            ProxyServer.this::metricsExposition, metrics.contentType()));
                        }
                    });
            if (adminListeners != null) {
                closeables.add(adminListeners);
            }
            if (!config.healthInterval().isZero()) {
                closeables.add(new HealthChecker(group, allBackends(), config.healthPath(), config.healthInterval(),
                        config.connectTimeout()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static ProxyServer start(ProxyConfig config) {
        return new ProxyServer(config);
    }

    private static Duration failTimeout(ProxyConfig config) {
        return config.healthInterval().isZero() ? config.failTimeout() : Duration.ZERO;
    }

    /** Where clients reach the proxy (real ports where 0 was asked). */
    public List<Address> addresses() {
        return listeners.addresses();
    }

    /** Where the admin endpoint listens; empty when it does not. */
    public List<Address> adminAddresses() {
        return adminListeners == null ? List.of() : adminListeners.addresses();
    }

    public List<Backend> allBackends() {
        List<Backend> all = new ArrayList<>(groupA.backends());
        if (groupB != null) {
            all.addAll(groupB.backends());
        }
        return all;
    }

    public byte[] metricsExposition() {
        return metrics.exposition(allBackends(), cache);
    }

    /** Stops accepting, stops health checks, then closes every connection and the event loops. */
    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                System.err.println("proxy: while stopping: " + e.getMessage());
            }
        }
        closeables.clear();
        if (group != null) {
            group.shutdownGracefully(100, 3000, TimeUnit.MILLISECONDS).awaitUninterruptibly();
        }
    }
}
