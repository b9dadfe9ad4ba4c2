package designbench.cap.client;

import designbench.cap.history.History;
import designbench.cap.history.Op;
import designbench.cap.store.EtcdStore;
import designbench.cap.store.HazelcastStore;
import designbench.cap.store.Store;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client JVM the orchestrator starts in each network namespace ({@code ip netns exec nX java ...}). It talks
 * to its own namespace's member (or, for Hazelcast, is that member), appends every operation to its history file
 * as it completes, and takes one command per line on stdin, answering one line on stdout:
 * <pre>
 *   (start-up)  READY                  the store serves requests
 *   status      STATUS leader|follower whether the local member leads its cluster
 *   start       STARTED                the workload runs
 *   mark V      MARKED ok|timeout|...  wrote V to the convergence key through the local member
 *   probe       PROBE V|-|!kind        the convergence key as the local member answers it
 *   stop        STOPPED n              the workload stopped after n operations, none still in flight
 *   final       FINAL                  read every key from the local member, recorded with purpose final
 *   quit / EOF  (exits)
 * </pre>
 */
@Command(name = "client", description = "One CAP client in a network namespace; driven by the suite over stdin.")
public final class ClientMain implements Callable<Integer> {
    @Option(names = "--store", required = true, description = "etcd or hazelcast")
    String storeName;
    @Option(names = "--name", required = true, description = "this client's name (its namespace)")
    String name;
    @Option(names = "--address", required = true, description = "the local member's address")
    String address;
    @Option(names = "--members", required = true, split = ",", description = "every member's address")
    List<String> members;
    @Option(names = "--history", required = true, description = "the JSON-lines file to append operations to")
    Path historyFile;
    @Option(names = "--rate", defaultValue = "20", description = "operations per second")
    double rate;
    @Option(names = "--keys", defaultValue = "5", description = "how many keys the workload uses")
    int keys;
    @Option(names = "--timeout-ms", defaultValue = "1000", description = "how long an operation may take")
    long timeoutMillis;
    @Option(names = "--seed", defaultValue = "1", description = "seed of the workload's choices")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // libraries that print must not write into the command channel
        Duration timeout = Duration.ofMillis(timeoutMillis);
        try (BufferedWriter history = Files.newBufferedWriter(historyFile, StandardCharsets.UTF_8);
             Store store = open(timeout)) {
            store.awaitReady(Duration.ofSeconds(60));
            Workload workload = new Workload(store, name, keys, rate, timeout.toNanos(), seed, op -> {
                synchronized (history) {
                    try {
                        History.appendLine(history, op);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String[] words = line.trim().split(" ", 2);
                switch (words[0]) {
                    case "status" -> out.println("STATUS " + (store.isLeader() ? "leader" : "follower"));
                    case "start" -> {
                        workload.start();
                        out.println("STARTED");
                    }
                    case "mark" -> out.println("MARKED " + workload.run(Op.MARKER, Op.WRITE, Workload.MARKER_KEY,
                            words[1], "", System.nanoTime()).result());
                    case "probe" -> {
                        Op probe = workload.probe(Workload.MARKER_KEY, store.localReadMode());
                        out.println("PROBE " + (!probe.ok() ? "!" + probe.result()
                                : probe.value() == null ? "-" : probe.value()));
                    }
                    case "stop" -> out.println("STOPPED " + workload.stop());
                    case "final" -> {
                        for (int k = 0; k < keys; k++) {
                            workload.run(Op.FINAL, Op.READ, Workload.key(k), null, store.localReadMode(),
                                    System.nanoTime());
                        }
                        synchronized (history) {
                            history.flush();
                        }
                        out.println("FINAL");
                    }
                    default -> out.println("ERROR unknown command '" + line + "'");
                }
            }
        } // closing the history flushes it
        return 0;
    }

    private Store open(Duration timeout) {
        return switch (storeName) {
            case "etcd" -> new EtcdStore(address, timeout);
            case "hazelcast" -> new HazelcastStore(address, members, timeout);
            default -> throw new IllegalArgumentException("unknown store '" + storeName + "': etcd or hazelcast");
        };
    }
}
