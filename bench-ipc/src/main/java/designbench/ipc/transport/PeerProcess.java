package designbench.ipc.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link PeerMain} in a JVM of its own, started from this JVM's java and class path, or for the C transports the
 * C reference's peer program. It stops when told to, and on its own when this JVM dies, because it exits when its
 * standard input closes.
 */
final class PeerProcess {
    private static final long READY_SECONDS = 30;

    private final Process process;
    private final Endpoint endpoint;

    private PeerProcess(Process process, Endpoint endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static PeerProcess start(Transport transport, PeerServer.Mode mode, Path privateDir) throws IOException {
        List<String> command = new ArrayList<>();
        if (transport.isNative()) {
            command.addAll(List.of(NativeBuild.get().peerProgram().toString(), transport.name(), mode.name(),
                    privateDir.toString()));
        } else {
            command.addAll(javaPeerCommand(transport, mode, privateDir));
        }
        // The peer's errors go where ours go (JMH's log); its standard output only says when it is ready.
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new PeerProcess(process, awaitReady(process));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** This JVM's java running {@link PeerMain} from this class path. */
    private static List<String> javaPeerCommand(Transport transport, PeerServer.Mode mode, Path privateDir) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                Transport.SHM_JVM_FLAG));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Netty and Agrona use sun.misc.Unsafe
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PeerMain.class.getName(),
                transport.name(), mode.name(), privateDir.toString()));
        return command;
    }

    /** Reads the peer's "READY endpoint" line, or fails with what went wrong. */
    private static Endpoint awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }, runnable -> Thread.ofPlatform().daemon().name("peer-ready").start(runnable));
        String ready;
        try {
            ready = line.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the peer process was not ready within " + READY_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new IOException("cannot read from the peer process", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the peer process", e);
        }
        if (ready == null || !ready.startsWith(PeerMain.READY)) {
            String exit = waitExit(process);
            throw new IOException("the peer process did not start (" + exit + "; said: " + ready
                    + "); its error output is above");
        }
        return Endpoint.parse(ready.substring(PeerMain.READY.length()).trim());
    }

    /** "exit status N", or "still running" when it has not ended within seconds. */
    private static String waitExit(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "exit status " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    Endpoint endpoint() {
        return endpoint;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Asks the peer to stop by closing its input; ends it by force if it has not gone within seconds. */
    void stop() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
