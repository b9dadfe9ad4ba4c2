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

    private final long nanos;
    private boolean inRequest;
    /** Whether a head is being received, and when it is due, in {@link System#nanoTime()} terms. */
    private boolean headDue;
    private long deadline;
    private ScheduledFuture<?> timer;

    HeadTimeout(long millis) {
        this.nanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /**
     * Sets a deadline for the head. The timer is not scheduled and cancelled per request (a priority-queue insert
     * and removal each time, on a keep-alive connection with many short requests): one timer checks the deadline
     * when it fires, and schedules itself again only while a deadline is set.
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!inRequest && !headDue) {
            headDue = true;
            deadline = System.nanoTime() + nanos;
            if (timer == null) {
                schedule(ctx, nanos);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void schedule(ChannelHandlerContext ctx, long delay) {
        timer = ctx.executor().schedule(() -> expire(ctx), delay, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!headDue || inRequest) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left > 0) {
            schedule(ctx, left);
        } else {
            headDue = false;
            ctx.fireUserEventTriggered(EXPIRED);
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
