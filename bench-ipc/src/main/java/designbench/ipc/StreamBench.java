package designbench.ipc;

import designbench.ipc.transport.Connection;
import designbench.ipc.transport.Frames;
import designbench.ipc.transport.Peer;
import designbench.ipc.transport.PeerKind;
import designbench.ipc.transport.PeerServer;
import designbench.ipc.transport.Placement;
import designbench.ipc.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Question: how fast can one process stream messages to another over TCP loopback and over a Unix domain socket,
 * per message size?
 *
 * <p>Setup: the client sends length-prefixed frames of {@code messageBytes} back to back; the peer, a separate JVM,
 * reads and checks every frame and answers nothing. Flow control is the transport's own: a full socket buffer
 * blocks the writer, Netty's writer waits below its high-water mark, the ring writer polls while the ring is full.
 * A frame the peer rejects closes the connection, which fails the next send. Setup primes the peer first (see
 * {@link PeerPriming}).
 *
 * <p>Reading the numbers: messages per second, higher is better; the table adds MB/s (10^6 bytes of payload per
 * second). Compare transports at the same size and placement; the ratio to TCP loopback of the same family is the
 * answer. Our guess before measuring: small messages are bound by system calls per message, where Unix sockets
 * gain; at 1 MiB both are bound by copying and the gap narrows.
 *
 * <p>Table: ipc-stream in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsPrepend = {Transport.SHM_JVM_FLAG, "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class StreamBench {
    @Param
    Transport transport;

    @Param({"64", "1024", "65536", "1048576"})
    int messageBytes;

    @Param
    Placement placement;

    private Peer peerEnd;
    private Connection connection;
    private ByteBuffer frame;

    @Setup(Level.Trial)
    public void connect() throws IOException {
        transport.checkAvailable(PeerKind.PROCESS, placement);
        peerEnd = Peer.start(transport, PeerServer.Mode.SINK, PeerKind.PROCESS, placement);
        connection = peerEnd.connect();
        frame = Frames.newFrame(messageBytes);
        PeerPriming.primeThenPin(this::send, placement, peerEnd);
    }

    @Benchmark
    public void send() throws IOException {
        connection.send(frame);
    }

    @TearDown(Level.Trial)
    public void disconnect() throws IOException {
        try (Peer stopping = peerEnd; Connection closing = connection) {
            // closed in reverse order: the connection, then the peer and its folder
        }
    }
}
