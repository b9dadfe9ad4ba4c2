package designbench.proxy.proxy;

import designbench.proxy.balance.Backend;
import designbench.proxy.net.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keep-alive connections to backends, pooled per event loop and backend: a client connection's requests go out on
 * connections of its own event loop, so both sides of an exchange run on one thread without locks or hand-offs.
 * At most {@value #MAX_IDLE_PER_BACKEND} idle connections per backend and loop are kept; an idle connection is
 * closed after {@link #POOL_IDLE}.
 */
final class BackendConnections {

    static final int MAX_IDLE_PER_BACKEND = 64;
    static final Duration POOL_IDLE = Duration.ofSeconds(60);

    /** Set on a connection that served an exchange before and went back to the pool. */
    static final io.netty.util.AttributeKey<Boolean> REUSED = io.netty.util.AttributeKey.valueOf("designbench.reused");

    private final Map<EventLoop, Map<Backend, ArrayDeque<Channel>>> idle = new ConcurrentHashMap<>();
    private final int connectTimeoutMillis;

    BackendConnections(Duration connectTimeout) {
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    }

    /** An idle pooled connection to {@code backend} on {@code loop}, or null if there is none. Call on {@code loop}. */
    Channel pooled(EventLoop loop, Backend backend) {
        ArrayDeque<Channel> channels = idleOf(loop, backend);
        Channel pooled;
        while ((pooled = channels.pollLast()) != null) {
            if (pooled.isActive()) {
                return pooled;
            }
        }
        return null;
    }

    /** A new connection to {@code backend} on {@code loop}. */
    Promise<Channel> connect(EventLoop loop, Backend backend) {
        Promise<Channel> promise = loop.newPromise();
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(Transports.clientChannel(backend.address()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new IdleTimeout(POOL_IDLE.toMillis()),
                                new HttpClientCodec(8192, 65536, 65536), new BackendHandler());
                    }
                })
                .connect(backend.address().socketAddress());
        connect.addListener(f -> {
            if (f.isSuccess()) {
                promise.setSuccess(connect.channel());
            } else {
                promise.setFailure(f.cause());
            }
        });
        return promise;
    }

    /** Returns a connection whose exchange completed cleanly; call on its event loop. */
    void release(Channel channel, Backend backend) {
        ArrayDeque<Channel> channels = idleOf((EventLoop) channel.eventLoop(), backend);
        if (channel.isActive() && channels.size() < MAX_IDLE_PER_BACKEND) {
            channel.attr(REUSED).set(Boolean.TRUE);
            channels.addLast(channel);
        } else {
            channel.close();
        }
    }

    private ArrayDeque<Channel> idleOf(EventLoop loop, Backend backend) {
        return idle.computeIfAbsent(loop, l -> new HashMap<>()).computeIfAbsent(backend, b -> new ArrayDeque<>());
    }
}
