package designbench.proxy.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last handler: every exchange that reaches it goes to a backend ({@link Forwarding}). It also watches the
 * current exchange's backend for silence longer than the backend timeout.
 */
final class ForwardingHandler extends ChannelInboundHandlerAdapter {

    private final BackendConnections connections;
    private final Duration backendTimeout;
    private final ProxyMetrics metrics;
    private ChannelHandlerContext ctx;
    private Forwarding current;
    private ScheduledFuture<?> backendWatch;
    /** The exchange the last tick of the backend watch saw, its backend activity then, and quiet ticks since. */
    private Forwarding watched;
    private long watchedActivity;
    private int quietTicks;

    ForwardingHandler(BackendConnections connections, Duration backendTimeout, ProxyMetrics metrics) {
        this.connections = connections;
        this.backendTimeout = backendTimeout;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        Exchange exchange = (Exchange) msg;
        exchange.continueIfExpected();
        current = new Forwarding(exchange, this);
        exchange.forwarding = current;
        current.start();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (current != null) {
            current.clientWritabilityChanged(context.channel().isWritable());
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (backendWatch != null) {
            backendWatch.cancel(false);
            backendWatch = null;
        }
        current = null;
        context.fireChannelInactive();
    }

    /** The last handler, so whatever a handler before it threw ends here: the connection closes. */
    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    BackendConnections connections() {
        return connections;
    }

    void retried() {
        metrics.retries.increment();
    }

    /**
     * Makes sure the backend of the current exchange is watched. One timer per client connection serves all its
     * exchanges: it ticks every quarter of the backend timeout while an exchange waits on a backend, and compares
     * that exchange's count of backend activity with the last tick's, so a request neither schedules a task of its
     * own nor reads the clock. A backend silent for {@link IdleTimeout#TICKS} ticks in a row (between one and one
     * and a quarter timeouts) has failed.
     */
    void watchBackend() {
        if (backendWatch == null) {
            backendWatch = ctx.executor().schedule(this::checkBackend, backendTimeout.toNanos() / IdleTimeout.TICKS,
                    TimeUnit.NANOSECONDS);
        }
    }

    private void checkBackend() {
        backendWatch = null;
        Forwarding forwarding = current;
        if (forwarding == null || forwarding.backendChannel == null) {
            watched = null;
            return;
        }
        // The client slow to read holds the backend back on purpose: that is not the backend's silence.
        if (forwarding != watched || forwarding.backendActivity != watchedActivity || !ctx.channel().isWritable()) {
            watched = forwarding;
            watchedActivity = forwarding.backendActivity;
            quietTicks = 0;
        } else if (++quietTicks >= IdleTimeout.TICKS) {
            watched = null;
            forwarding.onBackendFailure(new TimeoutException("backend silent for " + backendTimeout));
            return;
        }
        watchBackend();
    }
}
