package designbench.proxy.origin;

import designbench.proxy.net.Address;
import designbench.proxy.net.Listeners;
import designbench.proxy.net.Transports;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The origin: a Netty HTTP/1.1 server to stand behind the proxy, on TCP or a Unix domain socket. What it answers
 * is set by {@link OriginConfig} and per request by query parameters ({@link OriginHandler}). It counts the
 * requests and connections it sees and keeps the last {@value #RECORDED} requests, which tests read.
 */
public final class OriginServer implements AutoCloseable {

    static final int RECORDED = 1000;
    private static final int MAX_REQUEST_BODY = 64 * 1024 * 1024;

    private final EventLoopGroup group;
    private final Listeners listeners;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder bodyBytesSent = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final Deque<RecordedRequest> recorded = new ConcurrentLinkedDeque<>();
    private volatile OriginConfig config;
    private volatile long stallUntilNanos;

    private OriginServer(OriginConfig config, List<Address> addresses, int threads) {
        this.config = config;
        this.group = Transports.newGroup(threads);
        try {
            this.listeners = Listeners.bind(group, addresses, new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    connections.add(ch);
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BODY),
                            new OriginHandler(OriginServer.this));
                }
            });
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    public static OriginServer start(OriginConfig config, List<Address> addresses, int threads) {
        return new OriginServer(config, addresses, threads);
    }

    public List<Address> addresses() {
        return listeners.addresses();
    }

    public OriginConfig config() {
        return config;
    }

    /**
     * Stalls the origin for {@code length} from now: every request that arrives before the stall ends is answered
     * when it ends (or later, if its own latency says so), as a garbage-collection pause or a lock would.
     */
    public void stall(java.time.Duration length) {
        stallUntilNanos = System.nanoTime() + length.toNanos();
    }

    /** Nanoseconds left of a stall started with {@link #stall}, or 0. */
    long stallLeftNanos() {
        return Math.max(0, stallUntilNanos - System.nanoTime());
    }

    /** Changes how the origin answers from the next request (or connection, for REFUSE) on. */
    public void reconfigure(OriginConfig newConfig) {
        this.config = newConfig;
    }

    public long requests() {
        return requests.get();
    }

    /** Body bytes of ordinary responses that the network has taken (written to a socket, not only queued). */
    public long bodyBytesSent() {
        return bodyBytesSent.sum();
    }

    void sent(long bytes) {
        bodyBytesSent.add(bytes);
    }

    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** The last requests received, oldest first. */
    public List<RecordedRequest> received() {
        return new ArrayList<>(recorded);
    }

    /** Records a request as received; returns its number (1 for the first this origin saw). */
    long record(RecordedRequest request) {
        long number = requests.incrementAndGet();
        recorded.addLast(request);
        while (recorded.size() > RECORDED) {
            recorded.pollFirst();
        }
        return number;
    }

    void connectionOpened() {
        connectionsOpened.incrementAndGet();
    }

    /** Stops listening and drops every open connection at once, as a crash would. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        listeners.close();
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
