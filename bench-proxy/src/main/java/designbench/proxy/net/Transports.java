package designbench.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Netty's channel types for an {@link Address}: epoll where it is available (Linux), which is also what Unix
 * domain sockets need; NIO for TCP elsewhere. One event-loop group serves both TCP and domain sockets, so a
 * client connection and its backend connection share a thread whatever their kinds.
 */
public final class Transports {

    private Transports() {
    }

    public static boolean epoll() {
        return Epoll.isAvailable();
    }

    public static EventLoopGroup newGroup(int threads) {
        IoHandlerFactory io = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, io);
    }

    public static Class<? extends ServerChannel> serverChannel(Address address) {
        if (address instanceof Address.Unix) {
            requireEpoll(address);
            return EpollServerDomainSocketChannel.class;
        }
        return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends Channel> clientChannel(Address address) {
        if (address instanceof Address.Unix) {
            requireEpoll(address);
            return EpollDomainSocketChannel.class;
        }
        return epoll() ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    private static void requireEpoll(Address address) {
        if (!epoll()) {
            throw new IllegalStateException(address + ": Unix domain sockets need Netty's epoll transport, "
                    + "unavailable here: " + Epoll.unavailabilityCause());
        }
    }
}
