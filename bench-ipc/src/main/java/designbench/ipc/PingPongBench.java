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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Question: between two programs on one host, how long is one request/response round trip over TCP loopback and
 * over a Unix domain socket, per message size, and how much of it is the process boundary?
 *
 * <p>Setup: the client sends one length-prefixed frame of {@code messageBytes} and blocks until the peer has sent it
 * back, checking the echoed length and sequence number. The peer is a separate JVM ({@code peer=PROCESS}; for the
 * {@code C_} rows a C program, the client's socket calls C through JNI) or a thread of this one ({@code THREAD}).
 * Setup primes both ends on every CPU (see {@link PeerPriming}), then pins both to one CPU
 * ({@code placement=ONE_CPU}) or leaves them to the scheduler ({@code ANY_CPU}). Every round trip is also recorded in
 * an HdrHistogram (see {@link LatencyLog}); the two clock reads that costs are a few tens of nanoseconds against
 * round trips of microseconds, and the C rows pay them too.
 *
 * <p>Reading the numbers: µs per round trip, lower is better; p50/p99/p99.9 come from the histogram. Compare
 * transports at the same size, peer and placement: the ratio to TCP loopback of the same family is the answer, the
 * absolute value belongs to this machine; the ratio to the C row of the same kind is what Java costs above the
 * operating system. {@code SHM_RING} and {@code C_SHM_SPIN} are the floor, with both ends polling. Our guess before
 * measuring: Unix sockets ahead by a fifth or more on small messages, the gap closing as copying dominates; a peer
 * on the other CPU costing several times a peer on the same one.
 *
 * <p>Table: ipc-ping-pong in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsPrepend = {Transport.SHM_JVM_FLAG, "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class PingPongBench {
    @Param
    Transport transport;

    @Param({"64", "1024", "65536", "1048576"})
    int messageBytes;

    @Param
    PeerKind peer;

    @Param
    Placement placement;

    private Peer peerEnd;
    private Connection connection;
    private ByteBuffer frame;
    private long sequence;
    private LatencyLog latencies;

    @Setup(Level.Trial)
    public void connect(BenchmarkParams params) throws IOException {
        transport.checkAvailable(peer, placement);
        peerEnd = Peer.start(transport, PeerServer.Mode.ECHO, peer, placement);
        connection = peerEnd.connect();
        frame = Frames.newFrame(messageBytes);
        latencies = LatencyLog.open(params); // records nothing until the first measured iteration
        PeerPriming.primeThenPin(this::roundTrip, placement, peerEnd);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        latencies.startIteration(iteration);
    }

    @Benchmark
    public long roundTrip() throws IOException {
        long expected = ++sequence;
        Frames.setSequence(frame, expected);
        long start = System.nanoTime();
        connection.send(frame);
        ByteBuffer echo = connection.receive(messageBytes);
        latencies.record(System.nanoTime() - start);
        Frames.checkSequence(echo, expected);
        return expected;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        latencies.endIteration();
    }

    @TearDown(Level.Trial)
    public void disconnect() throws IOException {
        try (Peer stopping = peerEnd; Connection closing = connection; LatencyLog log = latencies) {
            // closed in reverse order: the log, the connection, then the peer and its folder
        }
    }
}
