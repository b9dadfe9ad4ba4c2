package designbench.ipc;

import designbench.contract.BenchmarkFailure;
import designbench.contract.ThreadSweep;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Question: when several clients call one local server (a sidecar, a local database), how many requests per second
 * does each transport carry, at what latency, and how does that grow with the number of clients?
 *
 * <p>Setup: JMH threads, each with its own connection to one peer, a separate JVM that echoes every frame of
 * {@code messageBytes}; each thread sends a request and waits for its response. {@code @Threads(Threads.MAX)} makes
 * the number of clients a dimension: the results launcher runs this class at 1, 2, 4 and 8 connections (and the
 * core count), on platform threads only ({@code threadKind}; see {@link ThreadSweep}); run by hand, it uses one
 * per core. The
 * blocking peers serve each connection on a thread of its own, the Netty peers on one event loop per core. The
 * shared-memory ring and C's spinning ring are one-to-one, so they have no row here. Setup primes both ends over
 * one connection with every CPU (see {@link PeerPriming}), then pins them as {@code placement} says, and each
 * client primes its own connection briefly.
 *
 * <p>Reading the numbers: requests per second summed over the connections, higher is better, one column per
 * number of connections, and a Universal Scalability Law fit per transport and placement; p50/p99/p99.9 are the
 * round trips of all threads together, from HdrHistogram. Compare transports at the same size, placement and
 * connection count. Our guess before measuring: with more connections than cores, scheduling dominates and the
 * transports draw closer than in ping-pong.
 *
 * <p>Table: ipc-request-response in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsPrepend = {Transport.SHM_JVM_FLAG, "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
@Threads(Threads.MAX)
public class RequestResponseBench {
    /** Platform threads only: each worker thread stands for a client process with its own connection. */
    @Param({"PLATFORM"})
    String threadKind;

    @Param
    Transport transport;

    @Param({"64", "1024", "65536", "1048576"})
    int messageBytes;

    @Param
    Placement placement;

    private Peer peerEnd;

    @Setup(Level.Trial)
    public void startPeer() throws IOException {
        ThreadSweep.checkWorkerThread(threadKind);
        transport.checkAvailable(PeerKind.PROCESS, placement);
        if (!transport.servesSeveralConnections()) {
            throw new UnsupportedOperationException(BenchmarkFailure.UNAVAILABLE_PREFIX + transport
                    + " is one-to-one; several connections would need a polling thread per connection on each side");
        }
        peerEnd = Peer.start(transport, PeerServer.Mode.ECHO, PeerKind.PROCESS, placement);
        // Primed over one connection with every CPU, then pinned; each client's own connection is primed briefly.
        try (Connection priming = peerEnd.connect()) {
            ByteBuffer frame = Frames.newFrame(messageBytes);
            long[] sequence = {0};
            PeerPriming.primeThenPin(() -> exchange(priming, frame, ++sequence[0], null), placement, peerEnd);
        }
    }

    @TearDown(Level.Trial)
    public void stopPeer() {
        peerEnd.close();
    }

    /** One client thread's connection and latency log. */
    @State(Scope.Thread)
    public static class Client {
        private Connection connection;
        private ByteBuffer frame;
        private long sequence;
        private LatencyLog latencies;

        @Setup(Level.Trial)
        public void connect(RequestResponseBench bench, BenchmarkParams params) throws IOException {
            connection = bench.peerEnd.connect();
            frame = Frames.newFrame(bench.messageBytes);
            latencies = LatencyLog.open(params); // records nothing until the first measured iteration
            PeerPriming.primeConnection(() -> bench.request(this));
        }

        @Setup(Level.Iteration)
        public void startIteration(IterationParams iteration) {
            latencies.startIteration(iteration);
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            latencies.endIteration();
        }

        @TearDown(Level.Trial)
        public void disconnect() throws IOException {
            try (Connection closing = connection; LatencyLog log = latencies) {
                // the log, then the connection
            }
        }
    }

    @Benchmark
    public long request(Client client) throws IOException {
        return exchange(client.connection, client.frame, ++client.sequence, client.latencies);
    }

    /** One request and its checked response, its latency recorded when {@code latencies} is not null. */
    private long exchange(Connection connection, ByteBuffer frame, long expected, LatencyLog latencies)
            throws IOException {
        Frames.setSequence(frame, expected);
        long start = System.nanoTime();
        connection.send(frame);
        ByteBuffer response = connection.receive(messageBytes);
        if (latencies != null) {
            latencies.record(System.nanoTime() - start);
        }
        Frames.checkSequence(response, expected);
        return expected;
    }
}
