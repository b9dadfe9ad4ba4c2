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
     * exchanges: it looks at whichever exchange is current when it fires and schedules itself again only while
     * that exchange waits on a backend, so a request neither schedules nor cancels a task of its own (a
     * priority-queue insert and removal each).
     */
    void watchBackend() {
        watch(backendTimeout.toNanos());
    }

    private void watch(long nanos) {
        if (backendWatch == null) {
            backendWatch = ctx.executor().schedule(this::checkBackend, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkBackend() {
        backendWatch = null;
        Forwarding forwarding = current;
        if (forwarding == null || forwarding.backendChannel == null) {
            return;
        }
        long limit = backendTimeout.toNanos();
        long idle = System.nanoTime() - forwarding.lastBackendActivity;
        if (!ctx.channel().isWritable()) {
            // The client is slow to read, so the backend is held back on purpose: not its silence.
            forwarding.lastBackendActivity = System.nanoTime();
            watch(limit);
        } else if (idle < limit) {
            watch(limit - idle);
        } else {
            forwarding.onBackendFailure(new TimeoutException("backend silent for " + backendTimeout));
        }
    }
}
