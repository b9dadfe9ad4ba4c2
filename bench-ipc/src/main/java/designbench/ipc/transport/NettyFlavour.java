package designbench.ipc.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;

/** Which Netty event loop and channel classes a Netty transport uses, and what address it binds. */
enum NettyFlavour {
    NIO_TCP(true, NioServerSocketChannel.class, NioSocketChannel.class),
    EPOLL_TCP(true, EpollServerSocketChannel.class, EpollSocketChannel.class),
    EPOLL_UDS(false, EpollServerDomainSocketChannel.class, EpollDomainSocketChannel.class);

    final boolean tcp;
    final Class<? extends ServerChannel> serverChannel;
    final Class<? extends Channel> clientChannel;

    NettyFlavour(boolean tcp, Class<? extends ServerChannel> serverChannel, Class<? extends Channel> clientChannel) {
        this.tcp = tcp;
        this.serverChannel = serverChannel;
        this.clientChannel = clientChannel;
    }

    static NettyFlavour of(Transport transport) {
        return switch (transport) {
            case NETTY_NIO_TCP, NETTY_NIO_TCP_LOOP -> NIO_TCP;
            case NETTY_EPOLL_TCP, NETTY_EPOLL_TCP_LOOP -> EPOLL_TCP;
            case NETTY_EPOLL_UDS, NETTY_EPOLL_UDS_LOOP -> EPOLL_UDS;
            default -> throw new IllegalArgumentException(transport + " is not a Netty transport");
        };
    }

    /**
     * A client bootstrap on {@code group} whose channels cut frames and hand them to {@code arrivals}; TCP without
     * Nagle's delay.
     */
    Bootstrap clientBootstrap(EventLoopGroup group, ChannelHandler arrivals) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(clientChannel)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(NettyPeerServer.newFrameDecoder(), arrivals);
                    }
                });
        if (tcp) {
            bootstrap.option(ChannelOption.TCP_NODELAY, true);
        }
        return bootstrap;
    }

    IoHandlerFactory ioHandlerFactory() {
        return this == NIO_TCP ? NioIoHandler.newFactory() : EpollIoHandler.newFactory();
    }

    /** The address to bind: an ephemeral port on 127.0.0.1, or the socket file in the private folder. */
    SocketAddress bindAddress(Path privateDir) {
        return tcp ? Endpoint.tcp(0).tcpAddress()
                : new DomainSocketAddress(privateDir.resolve(SocketChannels.SOCKET_FILE).toFile());
    }

    SocketAddress connectAddress(Endpoint endpoint) {
        return tcp ? endpoint.tcpAddress() : new DomainSocketAddress(endpoint.file().toFile());
    }
}
