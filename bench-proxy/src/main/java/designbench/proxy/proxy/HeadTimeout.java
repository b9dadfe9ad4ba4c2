package designbench.proxy.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the decoder: when the first bytes of a request arrive it starts a timer, which the proxy stops once
 * the request's head is decoded. If the timer fires first, it sends {@link #EXPIRED} down the pipeline, and the
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

    private final long millis;
    private boolean inRequest;
    private ScheduledFuture<?> timer;

    HeadTimeout(long millis) {
        this.millis = millis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!inRequest && timer == null) {
            timer = ctx.executor().schedule(() -> {
                timer = null;
                if (!inRequest) {
                    ctx.fireUserEventTriggered(EXPIRED);
                }
            }, millis, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** A request head was decoded. */
    void headReceived() {
        inRequest = true;
        cancel();
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
