package designbench.proxy.proxy;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@link IdleStateEvent#ALL_IDLE_STATE_EVENT} down the pipeline when a connection has neither read nor
 * written for its timeout; output still draining to a slow reader counts as activity (a slow download is not an
 * idle connection). Netty's IdleStateHandler does this by reading the clock after every read batch and hanging a
 * listener on every write (a promise, a callback and a clock read per write, 3-5 % of the proxy's event loop);
 * this handler only counts reads and writes in a field. A timer ticks every quarter of the timeout and compares the
 * count, and the output buffer's progress, with the last tick's: the connection is idle after {@link #TICKS} quiet
 * ticks in a row, so after between one and one and a quarter timeouts of silence.
 */
final class IdleTimeout extends ChannelDuplexHandler {

    /** Quiet ticks that make a connection idle. */
    static final int TICKS = 4;

    private final long tickNanos;
    private long activity;
    private long seenActivity = -1;
    private long seenPendingBytes;
    private long seenProgress;
    private int quietTicks;
    private ScheduledFuture<?> timer;

    IdleTimeout(long timeoutMillis) {
        this.tickNanos = Math.max(1, TimeUnit.MILLISECONDS.toNanos(timeoutMillis) / TICKS);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        activity++;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        activity++;
        ctx.write(msg, promise);
    }

    private void start(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> tick(ctx), tickNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void tick(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        long pendingBytes = out == null ? 0 : out.totalPendingWriteBytes();
        long progress = out == null ? 0 : out.currentProgress();
        if (activity != seenActivity || pendingBytes != seenPendingBytes || progress != seenProgress) {
            seenActivity = activity;
            seenPendingBytes = pendingBytes;
            seenProgress = progress;
            quietTicks = 0;
        } else if (++quietTicks >= TICKS) {
            quietTicks = 0;
            ctx.fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        }
        start(ctx);
    }
}
