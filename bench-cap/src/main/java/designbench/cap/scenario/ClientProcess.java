package designbench.cap.scenario;

import designbench.cap.net.Testbed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One client JVM ({@link designbench.cap.client.ClientMain}) in a host's namespace, driven line by line. */
final class ClientProcess implements AutoCloseable {
    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            // Hazelcast's own recommendation for its members on JDK 17+; without them it logs warnings only.
            "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    final int host;
    final String name;
    final Path history;
    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private ClientProcess(int host, Path history, Process process) {
        this.host = host;
        this.name = "n" + host;
        this.history = history;
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    replies.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            replies.add("EXIT");
        });
    }

    /** Starts the client of {@code store} in host {@code host}, writing its history and log into {@code dir}. */
    static ClientProcess start(String store, int host, Path dir, CapTiming timing) throws IOException {
        Path history = dir.resolve("n" + host + ".jsonl");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), designbench.cap.CapMain.class.getName(),
                "client", "--store=" + store, "--name=n" + host, "--address=" + Testbed.address(host),
                "--members=" + String.join(",", Testbed.addresses()), "--history=" + history,
                "--rate=" + timing.ratePerClient(), "--keys=" + timing.keys(),
                "--timeout-ms=" + timing.timeout().toMillis(), "--seed=" + host));
        Process process = new ProcessBuilder(Testbed.inHost(host, command))
                .redirectError(dir.resolve("n" + host + ".log").toFile()).start();
        return new ClientProcess(host, history, process);
    }

    /** Sends a command and returns the reply line, which must start with {@code expected}. */
    String call(String command, String expected, Duration limit) throws IOException, InterruptedException {
        if (!command.isEmpty()) {
            commands.println(command);
        }
        String reply = replies.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new IOException("client " + name + " did not answer '" + command + "' within " + limit.toSeconds()
                    + " s");
        }
        if (!reply.startsWith(expected)) {
            throw new IOException("client " + name + " answered '" + command + "' with '" + reply + "'"
                    + (reply.equals("EXIT") ? " (it exited; see its log)" : ""));
        }
        return reply.substring(expected.length()).trim();
    }

    @Override
    public void close() {
        commands.println("quit");
        commands.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Testbed.stop(process.toHandle());
            }
        } catch (InterruptedException e) {
            Testbed.stop(process.toHandle());
            Thread.currentThread().interrupt();
        }
    }
}
