package designbench.ipc.transport;

import designbench.contract.BenchmarkFailure;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * The ways two co-located programs can exchange messages, named as they read in the tables. Each has a server and
 * a client built the way its users would build them. The {@code C_} transports are the reference: the same exchanges
 * in plain C (see {@link NativeBuild}), a measured floor for the Java rows.
 */
public enum Transport {
    /** JDK NIO {@code SocketChannel} over TCP loopback, blocking, TCP_NODELAY on. */
    NIO_TCP,
    /** JDK NIO {@code SocketChannel} over a Unix domain socket (JEP 380), blocking. */
    NIO_UDS,
    /** junixsocket's {@code AFUNIXSocketChannel} over a Unix domain socket, blocking. */
    JUNIXSOCKET_UDS,
    /** Netty's portable NIO transport over TCP loopback, called from a blocking thread (a hand-off each way). */
    NETTY_NIO_TCP,
    /** Netty's native epoll transport over TCP loopback (Linux only), called from a blocking thread. */
    NETTY_EPOLL_TCP,
    /** Netty's native epoll transport over a Unix domain socket (Linux only), called from a blocking thread. */
    NETTY_EPOLL_UDS,
    /** Netty's NIO transport with the client's event loop run by the calling thread: Netty at its own speed. */
    NETTY_NIO_TCP_LOOP,
    /** Netty's epoll transport over TCP, the client's event loop run by the calling thread (Linux only). */
    NETTY_EPOLL_TCP_LOOP,
    /** Netty's epoll transport over a Unix socket, the client's event loop run by the calling thread (Linux only). */
    NETTY_EPOLL_UDS_LOOP,
    /** Agrona one-to-one rings in memory-mapped files, both ends polling: the floor, not a socket. */
    SHM_RING,
    /** The C reference over TCP loopback: blocking sockets, both ends C (the client through JNI). */
    C_TCP,
    /** The C reference over a Unix domain socket. */
    C_UDS,
    /** The C reference through shared memory, both ends spinning without yielding: the floor between two CPUs. */
    C_SHM_SPIN;

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
            case NETTY_EPOLL_TCP, NETTY_EPOLL_UDS, NETTY_EPOLL_TCP_LOOP, NETTY_EPOLL_UDS_LOOP -> Epoll.isAvailable()
                    ? null : "Netty's epoll transport: " + Epoll.unavailabilityCause();
            case JUNIXSOCKET_UDS -> AFUNIXSocket.isSupported() ? null
                    : "junixsocket has no native library for this platform";
            case C_TCP, C_UDS, C_SHM_SPIN -> NativeBuild.get().unavailableReason();
            default -> null;
        };
    }

    /**
     * Why this transport cannot run with this kind of peer and placement here, or null when it can: the C reference
     * always runs its peer as a process of its own, and its spinning ring needs two CPUs, one for each end.
     */
    public String unavailableReason(PeerKind peer, Placement placement) {
        String reason = unavailableReason();
        if (reason != null) {
            return reason;
        }
        if (isNative() && peer == PeerKind.THREAD) {
            return "the C reference runs its peer as a process of its own (peer=PROCESS)";
        }
        if (this == C_SHM_SPIN && placement == Placement.ONE_CPU) {
            return "two ends that never yield, pinned to one CPU, take turns only when the scheduler preempts one";
        }
        if (this == C_SHM_SPIN && Runtime.getRuntime().availableProcessors() < 2) {
            return "two ends that never yield need two CPUs; this JVM may use one";
        }
        return placement.unavailableReason();
    }

    /** Whether this is one of the C reference's transports, whose both ends are C. */
    public boolean isNative() {
        return this == C_TCP || this == C_UDS || this == C_SHM_SPIN;
    }

    /**
     * Throws the exception the results tables show as "unavailable" when this transport cannot run here.
     *
     * @throws UnsupportedOperationException with a message starting {@value BenchmarkFailure#UNAVAILABLE_PREFIX}
     */
    public void checkAvailable() {
        throwIfUnavailable(unavailableReason());
    }

    /**
     * Throws the exception the results tables show as "unavailable" when this transport cannot run with this peer
     * and placement.
     *
     * @throws UnsupportedOperationException with a message starting {@value BenchmarkFailure#UNAVAILABLE_PREFIX}
     */
    public void checkAvailable(PeerKind peer, Placement placement) {
        throwIfUnavailable(unavailableReason(peer, placement));
    }

    private static void throwIfUnavailable(String reason) {
        if (reason != null) {
            throw new UnsupportedOperationException(BenchmarkFailure.UNAVAILABLE_PREFIX + reason);
        }
    }

    /** Whether one server accepts several client connections (the shared-memory ring has exactly one client). */
    public boolean servesSeveralConnections() {
        return this != SHM_RING && this != C_SHM_SPIN;
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
            case NETTY_NIO_TCP, NETTY_EPOLL_TCP, NETTY_EPOLL_UDS, NETTY_NIO_TCP_LOOP, NETTY_EPOLL_TCP_LOOP,
                 NETTY_EPOLL_UDS_LOOP -> new NettyPeerServer(this, mode, privateDir);
            case SHM_RING -> new ShmRingPeerServer(mode, privateDir);
            case C_TCP, C_UDS, C_SHM_SPIN -> throw new UnsupportedOperationException(BenchmarkFailure.UNAVAILABLE_PREFIX
                    + unavailableReason(PeerKind.THREAD, Placement.ANY_CPU));
        };
    }

    /** Connects a client to a server of this transport. */
    public Connection connect(Endpoint endpoint) throws IOException {
        checkAvailable();
        return switch (this) {
            case NIO_TCP, NIO_UDS, JUNIXSOCKET_UDS -> new ChannelConnection(SocketChannels.connect(this, endpoint));
            case NETTY_NIO_TCP, NETTY_EPOLL_TCP, NETTY_EPOLL_UDS -> new NettyConnection(this, endpoint);
            case NETTY_NIO_TCP_LOOP, NETTY_EPOLL_TCP_LOOP, NETTY_EPOLL_UDS_LOOP ->
                    new NettyLoopConnection(this, endpoint);
            case SHM_RING -> new ShmRingConnection(endpoint);
            case C_TCP, C_UDS, C_SHM_SPIN -> new NativeConnection(this, endpoint);
        };
    }
}
