package designbench.ipc;

import static designbench.ipc.transport.Transport.C_SHM_SPIN;
import static designbench.ipc.transport.Transport.C_TCP;
import static designbench.ipc.transport.Transport.C_UDS;
import static designbench.ipc.transport.Transport.JUNIXSOCKET_UDS;
import static designbench.ipc.transport.Transport.NETTY_EPOLL_TCP;
import static designbench.ipc.transport.Transport.NETTY_EPOLL_TCP_LOOP;
import static designbench.ipc.transport.Transport.NETTY_EPOLL_UDS;
import static designbench.ipc.transport.Transport.NETTY_EPOLL_UDS_LOOP;
import static designbench.ipc.transport.Transport.NETTY_NIO_TCP;
import static designbench.ipc.transport.Transport.NETTY_NIO_TCP_LOOP;
import static designbench.ipc.transport.Transport.NIO_TCP;
import static designbench.ipc.transport.Transport.NIO_UDS;
import static designbench.ipc.transport.Transport.SHM_RING;

import designbench.contract.Question;
import designbench.contract.QuestionSet;
import designbench.contract.ThreadSweep;
import designbench.ipc.transport.Transport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The IPC suite's questions: TCP loopback or a Unix domain socket, and at what message size it matters. */
public final class IpcQuestions implements QuestionSet {
    /** Each transport's first ratio is to TCP loopback of its own implementation family. */
    private static final Map<Transport, Transport> BASELINES = new EnumMap<>(Map.ofEntries(
            Map.entry(NIO_TCP, NIO_TCP), Map.entry(NIO_UDS, NIO_TCP), Map.entry(JUNIXSOCKET_UDS, NIO_TCP),
            Map.entry(SHM_RING, NIO_TCP), Map.entry(NETTY_NIO_TCP, NETTY_NIO_TCP),
            Map.entry(NETTY_EPOLL_TCP, NETTY_EPOLL_TCP), Map.entry(NETTY_EPOLL_UDS, NETTY_EPOLL_TCP),
            Map.entry(NETTY_NIO_TCP_LOOP, NETTY_NIO_TCP_LOOP), Map.entry(NETTY_EPOLL_TCP_LOOP, NETTY_EPOLL_TCP_LOOP),
            Map.entry(NETTY_EPOLL_UDS_LOOP, NETTY_EPOLL_TCP_LOOP), Map.entry(C_TCP, C_TCP), Map.entry(C_UDS, C_TCP),
            Map.entry(C_SHM_SPIN, C_TCP)));
    /** Each Java transport's second ratio is to the C reference of its kind: the operating system's floor. */
    private static final Map<Transport, Transport> C_REFERENCES = new EnumMap<>(Map.ofEntries(
            Map.entry(NIO_TCP, C_TCP), Map.entry(NETTY_NIO_TCP, C_TCP), Map.entry(NETTY_EPOLL_TCP, C_TCP),
            Map.entry(NETTY_NIO_TCP_LOOP, C_TCP), Map.entry(NETTY_EPOLL_TCP_LOOP, C_TCP), Map.entry(NIO_UDS, C_UDS),
            Map.entry(JUNIXSOCKET_UDS, C_UDS), Map.entry(NETTY_EPOLL_UDS, C_UDS),
            Map.entry(NETTY_EPOLL_UDS_LOOP, C_UDS), Map.entry(SHM_RING, C_SHM_SPIN)));
    private static final String NOTE = " The first ratio is to TCP loopback of the same family: NIO_UDS, "
            + "JUNIXSOCKET_UDS and SHM_RING (shared memory, both ends polling) to NIO_TCP, NETTY_EPOLL_UDS to "
            + "NETTY_EPOLL_TCP, the _LOOP rows to their TCP _LOOP row, C_UDS and C_SHM_SPIN to C_TCP. The column "
            + "\"to C\" is each Java row's ratio to the C reference of its kind (TCP rows to C_TCP, Unix socket rows "
            + "to C_UDS, SHM_RING to C_SHM_SPIN): the same exchange written in plain C, both ends C (the client "
            + "through JNI), so it shows what the Java side costs above the operating system (a time per round "
            + "trip over C's: above 1 is slower than C; a rate over C's: below 1 is slower). C_SHM_SPIN never "
            + "yields, so it runs only unpinned. Netty rows without _LOOP are called from a blocking thread (a "
            + "hand-off to the event loop and back in every round trip); _LOOP rows run the client's event loop on "
            + "the calling thread, which sends the next message when the echo arrives: Netty at its own speed. "
            + "placement=ONE_CPU pins both ends to one CPU; ANY_CPU lets the scheduler wake the reader on another "
            + "CPU, which on a small VM costs tens of µs: compare like with like.";
    private static final String REFERENCE_LABEL = "to C";

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Question> questions() {
        return List.of(
                transportQuestion("ipc-ping-pong",
                        "TCP loopback or a Unix domain socket: how long is one round trip, per message size?",
                        PingPongBench.class, null,
                        "Microseconds per round trip of messageBytes: the score is the mean, p50 to max are "
                                + "HdrHistogram percentiles over every measured round trip. peer=PROCESS is a "
                                + "separate JVM, THREAD a thread of the same one: the difference is the process "
                                + "boundary."),
                transportQuestion("ipc-stream", "How fast can one process stream messages to another over each "
                                + "transport?", StreamBench.class, null,
                        "Messages per second sent one way to a separate JVM; MB/s is payload megabytes (10^6 bytes) "
                                + "per second.").withBytesParam("messageBytes"),
                transportQuestion("ipc-request-response",
                        "Several clients calling one local server: how many requests per second, at what latency, "
                                + "and how does it grow with the clients?",
                        RequestResponseBench.class, ThreadSweep.THREADS_PARAM,
                        "Requests per second summed over the connections to a separate JVM, each connection its "
                                + "own platform JMH thread, so threads=N is N connections (runs made before the "
                                + "sweep had 4 and no threads column); percentiles, in the table or a sweep's "
                                + "latency chart, are per request over all connections."));
    }

    private static Question transportQuestion(String id, String title, Class<?> benchmark, String columnParam,
                                              String note) {
        return new Question(id, title, benchmark.getName(), "transport", NIO_TCP.name(), columnParam, note + NOTE)
                .withBaselines(names(BASELINES)).withReferences(names(C_REFERENCES), REFERENCE_LABEL);
    }

    private static Map<String, String> names(Map<Transport, Transport> map) {
        return map.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), e -> e.getValue().name()));
    }
}
