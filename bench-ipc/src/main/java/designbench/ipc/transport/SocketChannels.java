package designbench.ipc.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/** Opens the blocking channels of the socket-channel transports: JDK TCP, JDK Unix domain sockets, junixsocket. */
final class SocketChannels {
    /** The socket file's name inside the peer's private folder. */
    static final String SOCKET_FILE = "peer.sock";

    private SocketChannels() {
    }

    static ServerSocketChannel bind(Transport transport, Path privateDir) throws IOException {
        return switch (transport) {
            case NIO_TCP -> ServerSocketChannel.open()
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            case NIO_UDS -> ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                    .bind(UnixDomainSocketAddress.of(privateDir.resolve(SOCKET_FILE)));
            case JUNIXSOCKET_UDS -> AFUNIXServerSocketChannel.open()
                    .bind(AFUNIXSocketAddress.of(privateDir.resolve(SOCKET_FILE)));
            default -> throw new IllegalArgumentException(transport + " has no socket channel");
        };
    }

    static Endpoint endpointOf(Transport transport, ServerSocketChannel server, Path privateDir) throws IOException {
        return transport == Transport.NIO_TCP
                ? Endpoint.tcp(((InetSocketAddress) server.getLocalAddress()).getPort())
                : Endpoint.file(privateDir.resolve(SOCKET_FILE));
    }

    static SocketChannel connect(Transport transport, Endpoint endpoint) throws IOException {
        SocketChannel channel = switch (transport) {
            case NIO_TCP -> SocketChannel.open(endpoint.tcpAddress());
            case NIO_UDS -> SocketChannel.open(UnixDomainSocketAddress.of(endpoint.file()));
            case JUNIXSOCKET_UDS -> AFUNIXSocketChannel.open(AFUNIXSocketAddress.of(endpoint.file()));
            default -> throw new IllegalArgumentException(transport + " has no socket channel");
        };
        configure(transport, channel);
        return channel;
    }

    /** Blocking mode, and for TCP no Nagle delay: each frame leaves when written. */
    static void configure(Transport transport, SocketChannel channel) throws IOException {
        channel.configureBlocking(true);
        if (transport == Transport.NIO_TCP) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }
}
