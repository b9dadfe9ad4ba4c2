package designbench.cap.scenario;

import designbench.cap.history.Event;
import designbench.cap.history.History;
import designbench.cap.history.Op;
import designbench.cap.net.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One store under partitions, end to end: make the three hosts, start the store's members and one client per host,
 * run the workload, cut one member off and heal it as the timing says, poll for convergence after each heal, read
 * every key at the end, and return the history. Whatever happens, the members, the clients and the hosts are gone
 * when it returns.
 */
public abstract class CapScenario {
    private static final Duration READY_LIMIT = Duration.ofSeconds(90);
    private static final Duration MARK_BEFORE_HEAL = Duration.ofMillis(1500);

    /** The name of the rows' benchmark, matched by {@code -Dbench.include}: the scenario's class name. */
    public final String benchmark() {
        return getClass().getName();
    }

    /** The short name in tables and file names: etcd, hazelcast. */
    public abstract String system();

    /** The store's name and version as the tables show it, e.g. "etcd 3.4.23 (Raft, 3 members)". */
    public abstract String describe();

    /** Why this store cannot run here (beyond the testbed's own needs), or null. */
    public abstract String unavailableReason();

    /** The read modes the clients rotate through, as recorded in Op.mode. */
    public abstract List<String> readModes();

    /** Starts the members, if they are processes of their own (etcd); Hazelcast's members are the clients. */
    protected abstract AutoCloseable startMembers(Testbed testbed, Path work) throws IOException, InterruptedException;

    /**
     * Runs the scenario. {@code work} is a scratch folder; the clients' logs are copied into {@code logs}.
     */
    public History run(CapTiming timing, Path work, Path logs) throws Exception {
        List<Event> events = new ArrayList<>();
        List<ClientProcess> clients = new ArrayList<>();
        try (Testbed testbed = Testbed.create(); AutoCloseable members = startMembers(testbed, work)) {
            events.add(new Event(Event.SYSTEM, 0, null, System.nanoTime(), describe()));
            try {
                for (int host = 1; host <= Testbed.HOSTS; host++) {
                    clients.add(ClientProcess.start(system(), host, work, timing));
                }
                all(clients, c -> c.call("", "READY", READY_LIMIT));
                all(clients, c -> c.call("start", "STARTED", Duration.ofSeconds(10)));
                Thread.sleep(timing.before().toMillis());
                for (int p = 1; p <= timing.partitions().size(); p++) {
                    partition(p, timing, testbed, clients, events);
                }
                all(clients, c -> c.call("stop", "STOPPED", Duration.ofSeconds(30)));
                all(clients, c -> c.call("final", "FINAL", Duration.ofSeconds(60)));
            } finally {
                clients.forEach(ClientProcess::close);
                for (ClientProcess client : clients) {
                    Path log = work.resolve(client.name + ".log");
                    if (Files.exists(log)) {
                        Files.createDirectories(logs);
                        Files.copy(log, logs.resolve(system() + "-" + client.name + ".log"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        List<Op> ops = new ArrayList<>();
        for (ClientProcess client : clients) {
            ops.addAll(History.readLines(client.history, Op.class));
        }
        return new History(system(), ops, events);
    }

    private void partition(int p, CapTiming timing, Testbed testbed, List<ClientProcess> clients, List<Event> events)
            throws Exception {
        int isolated = chooseIsolated(clients);
        Duration length = timing.partitions().get(p - 1);
        testbed.isolate(isolated);
        long cut = System.nanoTime();
        events.add(new Event(Event.PARTITION, p, "n" + isolated, cut, length.toSeconds() + " s"));
        System.out.printf("[cap] %s partition %d: n%d cut off for %d s%n", system(), p, isolated, length.toSeconds());
        // The convergence key, written on every side late in the partition (a store that notices the split only
        // after seconds, like Hazelcast, has two sides by then) but early enough that a write the cut-off side
        // cannot complete has timed out before the heal.
        Thread.sleep(Math.max(length.toMillis() / 2, length.toMillis() - MARK_BEFORE_HEAL.toMillis()));
        all(clients, c -> c.call("mark p" + p + "-" + c.name, "MARKED", Duration.ofSeconds(10)));
        Thread.sleep(Math.max(0, length.toMillis() - (System.nanoTime() - cut) / 1_000_000));
        testbed.heal(isolated);
        long healed = System.nanoTime();
        events.add(new Event(Event.HEAL, p, "n" + isolated, healed, null));
        events.add(awaitConvergence(p, clients, timing, healed));
        Thread.sleep(Math.max(0, timing.after().toMillis() - (System.nanoTime() - healed) / 1_000_000));
    }

    /** A member that does not lead, the highest-numbered one: cutting off the leader tests elections instead. */
    private static int chooseIsolated(List<ClientProcess> clients) throws Exception {
        for (int i = clients.size() - 1; i >= 0; i--) {
            if (clients.get(i).call("status", "STATUS", Duration.ofSeconds(10)).equals("follower")) {
                return clients.get(i).host;
            }
        }
        throw new IOException("every member claims to lead its cluster before the partition");
    }

    /** Polls every member for the convergence key until they all answer the same value, or the wait ends. */
    private static Event awaitConvergence(int p, List<ClientProcess> clients, CapTiming timing, long healed)
            throws Exception {
        int polls = 0;
        List<String> answers = List.of();
        while (System.nanoTime() - healed < timing.convergenceWait().toNanos()) {
            long started = System.nanoTime();
            polls++;
            answers = all(clients, c -> c.call("probe", "PROBE", Duration.ofSeconds(10)));
            Set<String> distinct = new HashSet<>(answers);
            if (distinct.size() == 1 && !answers.get(0).startsWith("!") && !answers.get(0).equals("-")) {
                // The time the agreeing answers were all in: an upper bound on when the members converged.
                return new Event(Event.CONVERGED, p, null, System.nanoTime(), polls + " polls; every member answers "
                        + answers.get(0));
            }
            Thread.sleep(Math.max(0, CapTiming.POLL.toMillis() - (System.nanoTime() - started) / 1_000_000));
        }
        return new Event(Event.NOT_CONVERGED, p, null, System.nanoTime(), polls + " polls; the members answered "
                + answers + " at the last");
    }

    private interface ClientCall {
        String call(ClientProcess client) throws Exception;
    }

    /** Runs the call on every client at once and returns their answers in host order. */
    private static List<String> all(List<ClientProcess> clients, ClientCall call) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> futures = new ArrayList<>();
            for (ClientProcess client : clients) {
                Callable<String> task = () -> call.call(client);
                futures.add(pool.submit(task));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> future : futures) {
                try {
                    answers.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return answers;
        }
    }
}
