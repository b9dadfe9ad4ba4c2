package designbench.ipc.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Netty client used from a blocking caller, as a service calling a sidecar would: the caller writes through the
 * channel and waits for the event loop to hand it the reply, so each round trip includes that hand-off between
 * threads. One event-loop thread per connection.
 */
final class NettyConnection implements Connection {
    /** Queued when the channel closes. */
    private static final Object CLOSED = new Object();

    private final EventLoopGroup group;
    private final Channel channel;
    /** Frames (ByteBuf), failures (Throwable) or CLOSED, in arrival order; filled by the event loop. */
    private final LinkedBlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final Object writability = new Object();
    private volatile Throwable writeFailure;
    private ByteBuf lastFrame;
    private final ChannelFutureListener recordFailure = future -> {
        if (!future.isSuccess()) {
            writeFailure = future.cause();
        }
    };

    NettyConnection(Transport transport, Endpoint endpoint) throws IOException {
        NettyFlavour flavour = NettyFlavour.of(transport);
        group = new MultiThreadIoEventLoopGroup(1, flavour.ioHandlerFactory());
        Bootstrap bootstrap = flavour.clientBootstrap(group, new ArrivalHandler());
        try {
            channel = bootstrap.connect(flavour.connectAddress(endpoint)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new InterruptedIOException("interrupted while connecting");
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(ByteBuffer frame) throws IOException {
        throwIfWriteFailed();
        awaitWritable();
        // Wrapping, not copying: the caller keeps the frame unchanged until it is answered (see Connection).
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame.duplicate())).addListener(recordFailure);
    }

    /** Backpressure: wait while Netty's outbound buffer is above its high-water mark. */
    private void awaitWritable() throws IOException {
        if (channel.isWritable()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Transport.WAIT_SECONDS);
        synchronized (writability) {
            while (!channel.isWritable() && channel.isActive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("the peer accepted no data for " + Transport.WAIT_SECONDS + " s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(writability, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting to write");
                }
            }
        }
        if (!channel.isActive()) {
            throw new EOFException("the peer closed the connection");
        }
    }

    @Override
    public ByteBuffer receive(int expectedPayloadBytes) throws IOException {
        releaseLastFrame();
        Object arrival;
        try {
            arrival = arrivals.poll(Transport.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a reply");
        }
        if (arrival == null) {
            throw new IOException("no reply from the peer in " + Transport.WAIT_SECONDS + " s");
        }
        if (arrival == CLOSED) {
            arrivals.add(CLOSED); // every later call sees it too
            throw new EOFException("the peer closed the connection");
        }
        if (arrival instanceof Throwable failure) {
            throw failure instanceof BadFrameException bad ? bad : new IOException(failure.getMessage(), failure);
        }
        lastFrame = (ByteBuf) arrival;
        int length = Frames.checkLength(lastFrame.getInt(lastFrame.readerIndex()), expectedPayloadBytes);
        return lastFrame.nioBuffer(lastFrame.readerIndex() + Frames.HEADER_BYTES, length);
    }

    private void throwIfWriteFailed() throws IOException {
        Throwable failure = writeFailure;
        if (failure != null) {
            throw new IOException("an earlier write failed: " + failure.getMessage(), failure);
        }
    }

    private void releaseLastFrame() {
        if (lastFrame != null) {
            lastFrame.release();
            lastFrame = null;
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        releaseLastFrame();
        for (Object arrival; (arrival = arrivals.poll()) != null; ) {
            if (arrival instanceof ByteBuf frame) {
                frame.release();
            }
        }
    }

    /** Runs on the event loop: hands frames, failures and the close to the waiting caller. */
    private final class ArrivalHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            arrivals.add(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            arrivals.add(NettyPeerServer.clientFailure(cause));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            arrivals.add(CLOSED);
            wakeWriters();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            wakeWriters();
        }

        private void wakeWriters() {
            synchronized (writability) {
                writability.notifyAll();
            }
        }
    }
}
