package designbench.ipc.transport;

import designbench.contract.BenchmarkFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which CPUs the two ends of an exchange may run on. On a small VM a message that wakes a peer on the other CPU
 * costs several times one that wakes it on the same CPU, so every IPC table says which placement it measured.
 * Pinning uses Linux's {@code taskset}.
 */
public enum Placement {
    /** Both ends, every thread of both JVMs, pinned to the first CPU this process may use. */
    ONE_CPU,
    /** The scheduler places both ends as it likes (usually on different CPUs when the machine is idle). */
    ANY_CPU;

    private static final String TASKSET = "/usr/bin/taskset";

    /** Why this placement cannot be arranged here, or null when it can. */
    public String unavailableReason() {
        if (this == ANY_CPU) {
            return null;
        }
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            return "pinning uses Linux's taskset; this is " + System.getProperty("os.name");
        }
        return Files.isExecutable(Path.of(TASKSET)) ? null : "pinning needs " + TASKSET + " (package util-linux)";
    }

    /**
     * Throws the exception the results tables show as "unavailable" when this placement cannot be arranged.
     *
     * @throws UnsupportedOperationException with a message starting {@value BenchmarkFailure#UNAVAILABLE_PREFIX}
     */
    public void checkAvailable() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new UnsupportedOperationException(BenchmarkFailure.UNAVAILABLE_PREFIX + reason);
        }
    }

    /**
     * Moves both ends of an exchange into this placement: for {@link #ONE_CPU}, every thread of this JVM and of the
     * peer's process onto the first CPU this process may use (threads started later inherit it); nothing for
     * {@link #ANY_CPU}. Called once the exchange is primed: the JIT compiles both ends faster with every CPU, and
     * what it compiles does not depend on which CPU ran it.
     */
    public void pin(Peer peer) throws IOException {
        if (this == ONE_CPU) {
            checkAvailable();
            String cpu = firstAllowedCpu();
            pinProcess(ProcessHandle.current().pid(), cpu);
            if (peer.process().isPresent()) {
                pinProcess(peer.process().get().pid(), cpu);
            }
        }
    }

    private static void pinProcess(long pid, String cpu) throws IOException {
        run(List.of(TASKSET, "--all-tasks", "--cpu-list", "--pid", cpu, String.valueOf(pid)));
    }

    /** The lowest CPU in this process's affinity list ("0-1" or "2,5-7" as taskset prints it). */
    static String firstAllowedCpu() throws IOException {
        String out = run(List.of(TASKSET, "--cpu-list", "--pid", String.valueOf(ProcessHandle.current().pid())));
        String list = out.substring(out.lastIndexOf(':') + 1).trim();
        return firstCpuOf(list);
    }

    /** The first CPU number of an affinity list such as "0-1" or "2,5-7". */
    static String firstCpuOf(String cpuList) {
        int end = 0;
        while (end < cpuList.length() && Character.isDigit(cpuList.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("not a CPU list: '" + cpuList + "'");
        }
        return cpuList.substring(0, end);
    }

    private static String run(List<String> command) throws IOException {
        return ExternalCommand.run(command, 10);
    }
}
