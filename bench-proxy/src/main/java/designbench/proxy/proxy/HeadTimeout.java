package designbench.proxy.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the decoder: when the first bytes of a request arrive it sets a deadline, which the proxy clears once
 * the request's head is decoded. If the deadline passes first, it sends {@link #EXPIRED} down the pipeline, and the
 * proxy answers 408 and closes: a client that trickles its headers cannot hold a connection.
 */
final class HeadTimeout extends ChannelInboundHandlerAdapter {

    /** The user event sent when a request head took too long. */
    static final Object EXPIRED = new Object() {
        @Override
        public String toString() {
            return "request head timeout";
        }
    };

    private final long tickNanos;
    private boolean inRequest;
    /** Whether a head is being received, and the tick it began in. */
    private boolean headDue;
    private long headStartTick;
    private long ticks;
    private ScheduledFuture<?> timer;

    HeadTimeout(long millis) {
        this.tickNanos = Math.max(1, TimeUnit.MILLISECONDS.toNanos(millis) / IdleTimeout.TICKS);
    }

    /**
     * Notes that a head began. Neither a timer per request (a priority-queue insert and removal each time, on a
     * keep-alive connection with many short requests) nor a clock read: one timer ticks every quarter of the timeout
     * while a head is due, and a head still due more than {@link IdleTimeout#TICKS} ticks after the tick it began in
     * has taken between one and one and a quarter timeouts.
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!inRequest && !headDue) {
            headDue = true;
            headStartTick = ticks;
            if (timer == null) {
                schedule(ctx);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void schedule(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> tick(ctx), tickNanos, TimeUnit.NANOSECONDS);
    }

    private void tick(ChannelHandlerContext ctx) {
        timer = null;
        ticks++;
        if (!headDue || inRequest) {
            return; // nothing due: the next head's first bytes start the timer again
        }
        if (ticks - headStartTick > IdleTimeout.TICKS) {
            headDue = false;
            ctx.fireUserEventTriggered(EXPIRED);
        } else {
            schedule(ctx);
        }
    }

    /** A request head was decoded. */
    void headReceived() {
        inRequest = true;
        headDue = false;
    }

    /** The response to the current request was sent: the next bytes start a new request. */
    void exchangeDone() {
        inRequest = false;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
