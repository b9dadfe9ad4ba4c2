package designbench.ipc.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Netty server on one event loop per core: Netty's length-field decoder cuts frames, {@link FrameHandler} checks
 * each and echoes or drops it.
 */
final class NettyPeerServer implements PeerServer {
    private final EventLoopGroup group;
    private final Channel server;
    private final Endpoint endpoint;

    NettyPeerServer(Transport transport, Mode mode, Path privateDir) throws IOException {
        NettyFlavour flavour = NettyFlavour.of(transport);
        group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                flavour.ioHandlerFactory());
        FrameHandler handler = new FrameHandler(mode);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(flavour.serverChannel)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(newFrameDecoder(), handler);
                    }
                });
        if (flavour.tcp) {
            bootstrap.childOption(ChannelOption.TCP_NODELAY, true);
        }
        try {
            server = bootstrap.bind(flavour.bindAddress(privateDir)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("interrupted while binding", e);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        endpoint = flavour.tcp ? Endpoint.tcp(((InetSocketAddress) server.localAddress()).getPort())
                : Endpoint.file(privateDir.resolve(SocketChannels.SOCKET_FILE));
    }

    /** Frames of up to the largest payload; a negative or longer prefix fails the connection. */
    static LengthFieldBasedFrameDecoder newFrameDecoder() {
        return new LengthFieldBasedFrameDecoder(Frames.HEADER_BYTES + Frames.MAX_PAYLOAD_BYTES,
                0, Frames.HEADER_BYTES, 0, 0);
    }

    /**
     * What a client reports for an exception from its pipeline: a frame that {@link #newFrameDecoder()} rejected
     * becomes a {@link BadFrameException}; anything else is passed on as it is.
     */
    static Throwable clientFailure(Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        boolean badFrame = root instanceof CorruptedFrameException || root instanceof TooLongFrameException;
        return badFrame ? new BadFrameException("bad frame: " + root.getMessage()) : root;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (endpoint.file() != null) {
            try {
                Files.deleteIfExists(endpoint.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Checks each whole frame and echoes it (handing its buffer to the write) or releases it. */
    @Sharable
    private static final class FrameHandler extends ChannelInboundHandlerAdapter {
        private final Mode mode;

        FrameHandler(Mode mode) {
            this.mode = mode;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws BadFrameException {
            ByteBuf frame = (ByteBuf) msg;
            try {
                Frames.checkLength(frame.getInt(frame.readerIndex()));
            } catch (BadFrameException e) {
                frame.release();
                throw e;
            }
            if (mode == Mode.ECHO) {
                ctx.writeAndFlush(frame, ctx.voidPromise());
            } else {
                frame.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            System.err.println("peer: " + cause.getMessage() + "; closing that connection");
            ctx.close();
        }
    }
}
