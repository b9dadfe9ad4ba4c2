package designbench.results.table;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The design questions the suites answer, in the order tables appear. A benchmark class not listed here still
 * gets a table, named after the class and without ratios, so nothing measured is ever dropped.
 */
public final class QuestionCatalog {
    private static final String THREADS = "designbench.threads.virtual.";
    private static final String LOCKS = "designbench.threads.locks.";
    private static final String IPC = "designbench.ipc.";
    private static final String PROXY = "designbench.proxy.scenario.";
    private static final String PROXY_NOTE = " Origin, proxy (1 event-loop thread) and load generator are separate processes "
            + "on loopback; on a 2-CPU machine they share the CPUs unpinned, so the generator competes with what it "
            + "measures, most at load=max.";
    /** Each IPC transport's ratio is to TCP loopback of its own implementation family. */
    private static final Map<String, String> IPC_BASELINES = Map.ofEntries(
            Map.entry("NIO_TCP", "NIO_TCP"), Map.entry("NIO_UDS", "NIO_TCP"),
            Map.entry("JUNIXSOCKET_UDS", "NIO_TCP"), Map.entry("SHM_RING", "NIO_TCP"),
            Map.entry("NETTY_NIO_TCP", "NETTY_NIO_TCP"), Map.entry("NETTY_EPOLL_TCP", "NETTY_EPOLL_TCP"),
            Map.entry("NETTY_EPOLL_UDS", "NETTY_EPOLL_TCP"),
            Map.entry("NETTY_NIO_TCP_LOOP", "NETTY_NIO_TCP_LOOP"),
            Map.entry("NETTY_EPOLL_TCP_LOOP", "NETTY_EPOLL_TCP_LOOP"),
            Map.entry("NETTY_EPOLL_UDS_LOOP", "NETTY_EPOLL_TCP_LOOP"),
            Map.entry("C_TCP", "C_TCP"), Map.entry("C_UDS", "C_TCP"), Map.entry("C_SHM_SPIN", "C_TCP"));
    /** Each Java IPC transport's second ratio is to the C reference of its kind: the operating system's floor. */
    private static final Map<String, String> IPC_C_REFERENCES = Map.ofEntries(
            Map.entry("NIO_TCP", "C_TCP"), Map.entry("NETTY_NIO_TCP", "C_TCP"),
            Map.entry("NETTY_EPOLL_TCP", "C_TCP"), Map.entry("NETTY_NIO_TCP_LOOP", "C_TCP"),
            Map.entry("NETTY_EPOLL_TCP_LOOP", "C_TCP"), Map.entry("NIO_UDS", "C_UDS"),
            Map.entry("JUNIXSOCKET_UDS", "C_UDS"), Map.entry("NETTY_EPOLL_UDS", "C_UDS"),
            Map.entry("NETTY_EPOLL_UDS_LOOP", "C_UDS"), Map.entry("SHM_RING", "C_SHM_SPIN"));
    private static final String IPC_NOTE = " The first ratio is to TCP loopback of the same family: NIO_UDS, "
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

    /** Every known question, in reading order. */
    public static final List<Question> QUESTIONS = List.of(
            new Question("threads-start", "What does it cost to start and join one thread, platform or virtual?",
                    THREADS + "ThreadStartBench", "threadKind", "PLATFORM", null,
                    "A ratio below 1 means a virtual thread is that fraction of a platform thread's cost."),
            new Question("threads-handoff", "How long is a hand-off round trip between two threads of each kind?",
                    THREADS + "HandoffBench", "threadKind", "PLATFORM", null,
                    "Both threads are of the kind named; the ratio is virtual-to-virtual over platform-to-platform."),
            new Question("threads-blocking-tasks",
                    "How long does a burst of blocking tasks (sleeping blockMillis each) take on each executor?",
                    THREADS + "BlockingTasksBench", "executor", "PLATFORM_POOL_PER_TASK", null,
                    "The baseline is the best a platform design can do here (one thread per task), "
                            + "so the ratio isolates the price of OS threads."),
            new Question("threads-cpu-tasks", "Do virtual threads bring anything to CPU-bound tasks?",
                    THREADS + "CpuTasksBench", "executor", "PLATFORM_POOL_CORES", null,
                    "The baseline is the classic right answer for CPU-bound work, a pool sized to the cores."),
            new Question("threads-pinning",
                    "On this JDK, does blocking inside synchronized still pin a virtual thread to its carrier?",
                    THREADS + "PinningBench", "lock", "REENTRANT_LOCK", null,
                    "Near 1: monitors no longer pin (JDK 24+, JEP 491); near taskCount/cores: they pin."),
            new Question("locks-counter", "Which lock strategy scales best for a shared counter (pure writes)?",
                    LOCKS + "LockedCounterBench", "lock", "SYNCHRONIZED", "threads",
                    "Increments per µs summed over all threads; the ratio is to SYNCHRONIZED in the same column. "
                            + "Columns beyond the core count are oversubscribed. Virtual workers are not "
                            + "time-sliced: see LockedCounterBench's Javadoc before comparing VIRTUAL rows."),
            new Question("locks-read-mostly",
                    "Which lock strategy scales best for a small read-mostly structure that must stay consistent?",
                    LOCKS + "ReadMostlyPairBench", "lock", "SYNCHRONIZED", "threads",
                    "Operations per µs summed over all threads, readPercent of them reads; the ratio is to "
                            + "SYNCHRONIZED in the same column. Columns beyond the core count are oversubscribed. "
                            + "Virtual workers are not time-sliced: see LockedCounterBench's Javadoc."),
            new Question("ipc-ping-pong",
                    "TCP loopback or a Unix domain socket: how long is one round trip, per message size?",
                    IPC + "PingPongBench", "transport", "NIO_TCP", null,
                    "Microseconds per round trip of messageBytes: the score is the mean, p50 to max are HdrHistogram "
                            + "percentiles over every measured round trip. peer=PROCESS is "
                            + "a separate JVM, THREAD a thread of the same one: the difference is the process "
                            + "boundary." + IPC_NOTE, IPC_BASELINES, null, IPC_C_REFERENCES, "to C"),
            new Question("ipc-stream",
                    "How fast can one process stream messages to another over each transport?",
                    IPC + "StreamBench", "transport", "NIO_TCP", null,
                    "Messages per second sent one way to a separate JVM; MB/s is payload megabytes (10^6 bytes) "
                            + "per second." + IPC_NOTE, IPC_BASELINES, "messageBytes", IPC_C_REFERENCES, "to C"),
            new Question("ipc-request-response",
                    "Several clients calling one local server: how many requests per second, at what latency, "
                            + "and how does it grow with the clients?",
                    IPC + "RequestResponseBench", "transport", "NIO_TCP", "threads",
                    "Requests per second summed over the connections to a separate JVM, each connection its own "
                            + "platform JMH thread, so threads=N is N connections (runs made before the sweep had 4 "
                            + "and no threads column); percentiles, in the table or a sweep's latency chart, are per "
                            + "request over all connections." + IPC_NOTE, IPC_BASELINES,
                    null, IPC_C_REFERENCES, "to C"),
            new Question("proxy-generator",
                    "Is the load generator the bottleneck? Its maximum rate against wrk's on the same origin",
                    PROXY + "GeneratorCheck", "generator", "wrk", null,
                    "Closed-loop maximum rate of designbench's load generator and of wrk (one client thread each, "
                            + "32 connections, same origin, same measured time, after the same warm-up). The ratio "
                            + "is ours over wrk's; we aim for at least 0.80. Without wrk installed "
                            + "(scripts/install-wrk.sh) its row says so. wrk reports no latency distribution here."
                            + PROXY_NOTE),
            new Question("proxy-cost",
                    "What does a reverse proxy in the path cost: maximum rate, and latency at 25, 50, 75 % load?",
                    PROXY + "ProxyCost", "path", "direct", null,
                    "Requests per second straight to the origin (direct), through designbench's proxy with its cache "
                            + "off, and through nginx (cache off; its version in the row) as the reference, at origin "
                            + "latencies of 0 and 2 ms (originMs). nginx runs one worker, HTTP/1.1 kept-alive "
                            + "connections upstream and no access log; its config is kept in the run folder "
                            + "(proxy-configs/). load=max is a closed loop over 32 "
                            + "connections; 25/50/75% (50% only in a quick run) are open-loop runs at that share of the "
                            + "direct maximum, whose "
                            + "percentiles are timed from each request's intended start (no coordinated omission), so "
                            + "compare their latency columns; their rates match by design." + PROXY_NOTE),
            new Question("proxy-scaling",
                    "Performance or scalability: how does throughput grow with concurrent connections?",
                    PROXY + "ProxyScaling", "path", "direct", "connections",
                    "Closed-loop requests per second at each number of connections (1 to 256; 1, 4, 16, 64 in a "
                            + "quick run), straight to the origin, through designbench's proxy (cache off, one "
                            + "event-loop thread) and through nginx (cache off, one worker), the three paths run one "
                            + "after the other at each count; each point is a shorter run than the other proxy rows. Origin, proxy and the load generator share "
                            + "this machine's cores, so the curve is this machine's." + PROXY_NOTE),
            new Question("proxy-cache",
                    "What does the proxy's cache buy at hit ratios of about 0, 50, 90 and 99 %?",
                    PROXY + "CacheGain", "hitPercent", "0", null,
                    "Requests per second through designbench's proxy with its cache on, and through nginx with "
                            + "proxy_cache and proxy_cache_lock (its version in the row; config in proxy-configs/), "
                            + "over 1000 keys drawn uniformly; the "
                            + "origin (2 ms per answer) marks hitPercent % of the keys cacheable, so a warm cache hits "
                            + "about that share; the hit ratio column is what the X-Cache headers said. load=max is a "
                            + "closed loop over 32 connections, 50% an open-loop run at half designbench's uncached maximum: "
                            + "compare its latency columns. The ratio is cached over uncached, each proxy to its own. nginx's "
                            + "proxy_cache_lock makes a request for a key already being fetched re-check every 500 ms "
                            + "(its source: a timer, not a wake-up), which shows in its max at the low hit ratios, "
                            + "where uncacheable keys are fetched again and again." + PROXY_NOTE),
            new Question("proxy-stampede",
                    "A stampede: 32 clients ask for one uncached key at once: how many requests reach the origin?",
                    PROXY + "Stampede", "coalesce", "off", null,
                    "Origin fetches per burst of 32 simultaneous requests for a new key (lower is better), with "
                            + "the proxy's request coalescing off and on; the origin takes 100 ms to answer. Latency "
                            + "percentiles are the clients' waits over every burst of the run." + PROXY_NOTE),
            new Question("proxy-balancing",
                    "1, 2 or 4 origins behind one proxy, one of them slow: round-robin or least-connections?",
                    PROXY + "Balancing", "balance", "round_robin", null,
                    "Maximum rate (closed loop over 32 connections) through the proxy, cache off, over 1, 2 or 4 "
                            + "origins; with 2 or 4, one origin answers in 20 ms and the others in 1 ms (slow=1). "
                            + "Round-robin keeps sending the slow one its share; least-connections sends it less. "
                            + "The origins share the same CPUs as the proxy and the generator." + PROXY_NOTE),
            new Question("proxy-fault",
                    "One of two origins is killed under a constant load: what do clients see, second by second?",
                    PROXY + "Fault", "second", "1", null,
                    "1000 requests/s on a fixed timeline through the proxy (cache off, health checks every 500 ms) "
                            + "to two origins; one is killed (SIGKILL) in the second marked event=kill. A row per "
                            + "measured second: responses, the errors the client saw, latency percentiles of that "
                            + "second (timed from intended starts). The proxy retries an idempotent request that "
                            + "fails before any response byte on the other origin, so errors stay rare; latency "
                            + "shows the event. The ratio is each second's rate to the first second's." + PROXY_NOTE),
            new Question("proxy-fault-recovery",
                    "After the kill, how long did the proxy go on sending requests to the dead origin?",
                    PROXY + "FaultRecovery", null, null, null,
                    "An upper bound (bound=upper), in milliseconds: from the kill to the first poll of the proxy's "
                            + "request counter for the dead origin (its admin endpoint, read every 50 ms) at which the "
                            + "counter had stopped rising. The proxy may have stopped sooner; times under one poll "
                            + "interval cannot be told apart. A poll that could not be read is skipped; a counter "
                            + "still rising at the end reads as not observed. The errors column is the client's "
                            + "errors over the whole run." + PROXY_NOTE),
            new Question("proxy-flood",
                    "One client floods the proxy: does a well-behaved client still get through, and what reaches "
                            + "the origin?",
                    PROXY + "Flood", "flood", "off", null,
                    "The proxy allows each client address 200 requests/s (burst 200). A well-behaved client "
                            + "(127.0.0.1) sends 100 requests/s on a fixed timeline, alone (flood=off) and while a "
                            + "flooding client (127.0.0.2, closed loop over 32 connections) sends as fast as it can. "
                            + "The flood row's score is the rate of its requests that reached the origin, its errors "
                            + "the 429s the proxy answered in its place." + PROXY_NOTE),
            new Question("proxy-upstream",
                    "Proxy to origin over loopback TCP or a Unix domain socket: the IPC question end to end",
                    PROXY + "UpstreamTransport", "upstream", "tcp", null,
                    "Clients reach the proxy over loopback TCP; the proxy reaches the origin over TCP or a "
                            + "socket file (upstream), cache off. load=max is a closed loop over 32 connections, 50% "
                            + "an open-loop run at half the TCP maximum." + PROXY_NOTE));

    /** Questions whose rows are one run second by second, not alternatives to rank: no verdict names a best row. */
    public static final Set<String> TIME_SERIES = Set.of("proxy-fault");

    private QuestionCatalog() {
    }

    /** The question a benchmark method (fully qualified, as in JMH's JSON) belongs to. */
    public static Question forBenchmark(String benchmark) {
        String benchmarkClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        for (Question question : QUESTIONS) {
            if (question.benchmarkClass().equals(benchmarkClass)) {
                return question;
            }
        }
        String simpleName = benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
        return new Question(simpleName.toLowerCase(Locale.ROOT), simpleName + " (not in the question catalog)",
                benchmarkClass, null, null, null, "No baseline is defined for this class yet.");
    }

    /** Position for ordering tables: catalog order first, then unknown classes. */
    static int order(Question question) {
        for (int i = 0; i < QUESTIONS.size(); i++) {
            if (QUESTIONS.get(i).id().equals(question.id())) {
                return i;
            }
        }
        return QUESTIONS.size();
    }
}
