package designbench.proxy.scenario;

import designbench.proxy.JitReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A subcommand of this program (origin, proxy or load) in a process of its own, started with the same JVM and
 * class path; its output goes to a log file. Closing it sends SIGTERM and waits; a process that does not stop is
 * killed.
 */
final class Spawned implements AutoCloseable {

    private static final long READY_SECONDS = 30;

    /**
     * The JVM options of every spawned server (scripts/bench-proxy.sh gives the same). A server's objects live for one
     * request or for good; what survives one young collection is promoted at once, instead of G1 copying start-up's
     * few MB from survivor space to survivor space at every young collection until they are old enough, which in a
     * proxy minutes old is most of each pause. Measured on the proxy at 9 900 req/s over a 2 ms origin: young pauses
     * of 4-15 ms every 8 s became 0.6-1.5 ms after the first three, and the p99 of a 30 s open-loop run 7.2 ms
     * against 15.0 and 18.4 ms in two runs without (nginx's, the same way, 9.9 ms).
     */
    static final List<String> SERVER_JVM_OPTIONS = List.of("-XX:MaxTenuringThreshold=1");

    private final String name;
    private final Process process;
    private final Path log;
    private final Path jitReport;

    private Spawned(String name, Process process, Path log, Path jitReport) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.jitReport = jitReport;
    }

    /** Starts {@code args} and, when {@code awaitReady}, waits for its "listening on" line. */
    static Spawned start(String name, Path logDir, boolean awaitReady, String... args) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Path jit = logDir.resolve(name + ".jit");
        Files.deleteIfExists(jit);
        List<String> command = new ArrayList<>(List.of(javaLauncher()));
        command.addAll(SERVER_JVM_OPTIONS);
        command.addAll(List.of("-D" + JitReport.FILE_PROPERTY + "=" + jit, "-cp", System.getProperty("java.class.path"),
                "designbench.proxy.BenchProxyMain"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        Spawned spawned = new Spawned(name, process, log, jit);
        if (awaitReady) {
            spawned.awaitLine("listening on");
        }
        return spawned;
    }

    private void awaitLine(String marker) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
                    StandardCharsets.UTF_8))) {
                if (in.lines().anyMatch(line -> line.contains(marker))) {
                    return;
                }
            }
            if (!process.isAlive()) {
                throw new IOException(name + " ended with status " + process.exitValue() + " before it was ready: "
                        + tail());
            }
            sleep(50);
        }
        close();
        throw new IOException(name + " was not ready within " + READY_SECONDS + " s: " + tail());
    }

    /** Waits for the process to end by itself; fails if it does not within {@code seconds} or ends in error. */
    void awaitExit(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(name + " did not end within " + seconds + " s: " + tail());
        }
        if (process.exitValue() != 0) {
            throw new IOException(name + " ended with status " + process.exitValue() + ": " + tail());
        }
    }

    /** Milliseconds the process has spent JIT-compiling so far ({@link JitReport}); empty when it does not say. */
    OptionalLong jitMillis() {
        return process.isAlive() ? JitReport.read(jitReport) : OptionalLong.empty();
    }

    boolean alive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    /** The last lines of its output, for error messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would; closing it afterwards is harmless. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Sends SIGTERM and waits; kills the process if it has not ended within 10 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaLauncher() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
