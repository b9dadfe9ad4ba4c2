package designbench.ipc.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ManualIoEventLoop;
import io.netty.util.concurrent.Future;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Netty client whose event loop is the calling thread: a {@link ManualIoEventLoop} owned by the benchmark thread,
 * which writes each frame from the loop and then runs the loop until the echo has arrived, so the next send is issued
 * by the event loop on the echo's arrival. There is no hand-off between threads, which is how a service built on
 * Netty talks to another (both ends event loops); compare {@link NettyConnection}, a blocking caller's view.
 *
 * <p>Every call must come from the thread that opened the connection.
 */
final class NettyLoopConnection implements Connection {
    /** How long one turn of the loop may block in epoll or select before the deadline is checked again. */
    private static final long TURN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(Transport.WAIT_SECONDS);

    private final ManualIoEventLoop loop;
    private final Channel channel;
    /** Set by the handler while the loop runs on this thread; read after the loop's turn, so no other thread. */
    private ByteBuf arrived;
    private Throwable failure;
    private boolean inactive;
    private ByteBuf lastFrame;

    NettyLoopConnection(Transport transport, Endpoint endpoint) throws IOException {
        NettyFlavour flavour = NettyFlavour.of(transport);
        loop = new ManualIoEventLoop(Thread.currentThread(), flavour.ioHandlerFactory());
        Bootstrap bootstrap = flavour.clientBootstrap(loop, new ArrivalHandler());
        try {
            ChannelFuture connected = bootstrap.connect(flavour.connectAddress(endpoint));
            runUntil(connected::isDone, "connect");
            if (!connected.isSuccess()) {
                throw new IOException("cannot connect to " + endpoint + ": " + connected.cause().getMessage(),
                        connected.cause());
            }
            channel = connected.channel();
        } catch (IOException | RuntimeException e) {
            shutDownLoop();
            throw e;
        }
    }

    @Override
    public void send(ByteBuffer frame) throws IOException {
        throwIfFailed();
        if (!channel.isWritable()) {
            runUntil(() -> channel.isWritable() || failure != null || inactive, "room to write");
            throwIfFailed();
        }
        // On the loop's own thread this write goes straight to the socket, with no task queued; what the socket
        // does not take at once is flushed by the loop's next turn.
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame.duplicate())).addListener(future -> {
            if (!future.isSuccess() && failure == null) {
                failure = future.cause();
            }
        });
    }

    @Override
    public ByteBuffer receive(int expectedPayloadBytes) throws IOException {
        if (lastFrame != null) {
            lastFrame.release();
            lastFrame = null;
        }
        if (arrived == null) {
            runUntil(() -> arrived != null || failure != null || inactive, "a reply");
        }
        if (arrived == null) {
            throwIfFailed();
        }
        lastFrame = arrived;
        arrived = null;
        int length = Frames.checkLength(lastFrame.getInt(lastFrame.readerIndex()), expectedPayloadBytes);
        return lastFrame.nioBuffer(lastFrame.readerIndex() + Frames.HEADER_BYTES, length);
    }

    private void throwIfFailed() throws IOException {
        if (failure instanceof BadFrameException bad) {
            throw bad;
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        if (inactive) {
            throw new EOFException("the peer closed the connection");
        }
    }

    /** Runs the loop on this thread until the condition holds, for at most the transport's wait. */
    private void runUntil(BooleanSupplier condition, String what) throws IOException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("no " + what + " from the peer in " + Transport.WAIT_SECONDS + " s");
            }
            loop.run(TURN_NANOS);
        }
    }

    @Override
    public void close() {
        try {
            if (lastFrame != null) {
                lastFrame.release();
            }
            if (arrived != null) {
                arrived.release();
            }
            if (channel.isOpen()) {
                ChannelFuture closing = channel.close();
                runUntil(closing::isDone, "close");
            }
        } catch (IOException e) {
            // the loop is shut down below all the same
        } finally {
            shutDownLoop();
        }
    }

    private void shutDownLoop() {
        Future<?> terminated = loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!terminated.isDone() && System.nanoTime() - deadline < 0) {
            loop.run(TURN_NANOS);
        }
    }

    /** Runs on the loop, which is this connection's calling thread. */
    private final class ArrivalHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (arrived != null) {
                // One frame at a time is all a ping-pong or request/response client ever has in flight.
                ((ByteBuf) msg).release();
                failure = new IOException("the peer sent a frame nobody asked for");
                ctx.close();
                return;
            }
            arrived = (ByteBuf) msg;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure = NettyPeerServer.clientFailure(cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inactive = true;
        }
    }
}
