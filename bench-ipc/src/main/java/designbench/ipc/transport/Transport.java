package designbench.ipc.transport;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * The ways two co-located programs can exchange messages, named as they read in the tables. Each has a server and
 * a client built the way its users would build them.
 */
public enum Transport {
    /** JDK NIO {@code SocketChannel} over TCP loopback, blocking, TCP_NODELAY on. */
    NIO_TCP,
    /** JDK NIO {@code SocketChannel} over a Unix domain socket (JEP 380), blocking. */
    NIO_UDS,
    /** junixsocket's {@code AFUNIXSocketChannel} over a Unix domain socket, blocking. */
    JUNIXSOCKET_UDS,
    /** Netty's portable NIO transport over TCP loopback. */
    NETTY_NIO_TCP,
    /** Netty's native epoll transport over TCP loopback (Linux only). */
    NETTY_EPOLL_TCP,
    /** Netty's native epoll transport over a Unix domain socket (Linux only). */
    NETTY_EPOLL_UDS,
    /** Agrona one-to-one rings in memory-mapped files, both ends busy-polling: the floor, not a socket. */
    SHM_RING;

    /**
     * How long a client waits for a reply or for room to write before it gives up on the peer, in seconds: 30, or
     * the system property {@code designbench.ipc.waitSeconds}. Blocking socket reads need no limit: a dead peer
     * closes its sockets.
     */
    public static final long WAIT_SECONDS = Long.getLong("designbench.ipc.waitSeconds", 30);

    /** The JVM flag Agrona's rings need on JDK 17+: it reads memory through jdk.internal.misc.Unsafe. */
    public static final String SHM_JVM_FLAG = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    /** Why this transport cannot run on this machine, or null when it can. */
    public String unavailableReason() {
        return switch (this) {
            case NETTY_EPOLL_TCP, NETTY_EPOLL_UDS -> Epoll.isAvailable() ? null
                    : "Netty's epoll transport: " + Epoll.unavailabilityCause();
            case JUNIXSOCKET_UDS -> AFUNIXSocket.isSupported() ? null
                    : "junixsocket has no native library for this platform";
            default -> null;
        };
    }

    /**
     * Throws the exception the results tables show as "unavailable" when this transport cannot run here.
     *
     * @throws UnsupportedOperationException with a message starting "unavailable: "
     */
    public void checkAvailable() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new UnsupportedOperationException("unavailable: " + reason);
        }
    }

    /** Whether one server accepts several client connections (the shared-memory ring has exactly one client). */
    public boolean servesSeveralConnections() {
        return this != SHM_RING;
    }

    /**
     * Starts this transport's server in this JVM.
     *
     * @param privateDir a folder only this peer uses: socket and ring files go there
     */
    public PeerServer startServer(PeerServer.Mode mode, Path privateDir) throws IOException {
        checkAvailable();
        return switch (this) {
            case NIO_TCP, NIO_UDS, JUNIXSOCKET_UDS -> new BlockingPeerServer(this, mode, privateDir);
            case NETTY_NIO_TCP, NETTY_EPOLL_TCP, NETTY_EPOLL_UDS -> new NettyPeerServer(this, mode, privateDir);
            case SHM_RING -> new ShmRingPeerServer(mode, privateDir);
        };
    }

    /** Connects a client to a server of this transport. */
    public Connection connect(Endpoint endpoint) throws IOException {
        checkAvailable();
        return switch (this) {
            case NIO_TCP, NIO_UDS, JUNIXSOCKET_UDS -> new ChannelConnection(SocketChannels.connect(this, endpoint));
            case NETTY_NIO_TCP, NETTY_EPOLL_TCP, NETTY_EPOLL_UDS -> new NettyConnection(this, endpoint);
            case SHM_RING -> new ShmRingConnection(endpoint);
        };
    }
}
