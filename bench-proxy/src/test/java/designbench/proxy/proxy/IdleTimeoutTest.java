package designbench.proxy.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The idle timeout's ticks on a channel whose clock the test moves (no real time passes). */
class IdleTimeoutTest {

    private static final long TIMEOUT_MS = 400;
    private static final long TICK_MS = TIMEOUT_MS / IdleTimeout.TICKS;

    /** Counts the idle events that reach the end of the pipeline. */
    private static final class IdleEvents extends ChannelInboundHandlerAdapter {
        int count;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == IdleStateEvent.ALL_IDLE_STATE_EVENT) {
                count++;
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }

    private static void advanceTicks(EmbeddedChannel channel, int ticks) {
        for (int i = 0; i < ticks; i++) {
            channel.advanceTimeBy(TICK_MS, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }

    @Test
    void aSilentConnectionIsIdleAfterTheTimeoutAndNotBefore() {
        IdleEvents events = new IdleEvents();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new IdleTimeout(TIMEOUT_MS), events);
        // The first tick takes the starting state; four quiet ticks after it make the connection idle.
        advanceTicks(channel, IdleTimeout.TICKS);
        assertEquals(0, events.count, "idle before a whole timeout of silence");
        advanceTicks(channel, 1);
        assertEquals(1, events.count);
        channel.finishAndReleaseAll();
    }

    @Test
    void readsAndWritesKeepAConnectionBusy() {
        IdleEvents events = new IdleEvents();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new IdleTimeout(TIMEOUT_MS), events);
        for (int i = 0; i < 10; i++) {
            advanceTicks(channel, IdleTimeout.TICKS - 1);
            if (i % 2 == 0) {
                channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
            } else {
                channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1}));
            }
        }
        assertEquals(0, events.count, "a byte every three ticks is not idle");
        advanceTicks(channel, IdleTimeout.TICKS + 1);
        assertEquals(1, events.count, "silence after the last byte is");
        channel.finishAndReleaseAll();
    }
}
