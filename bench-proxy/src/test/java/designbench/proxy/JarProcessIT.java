package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.proxy.net.Address;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example, as processes: {@code bench-proxy.jar origin} and {@code bench-proxy.jar proxy} (options from
 * an @-file), a request, the same request again as a cache hit, the admin endpoint counting it, and both
 * processes ending on SIGTERM.
 */
class JarProcessIT {

    @Test
    void originAndProxyRunAsProcessesAndStopOnSigterm(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "bench-proxy.jar");
        assertTrue(Files.exists(jar), "run after `package`: " + jar.toAbsolutePath());
        int origin = freePort();
        int proxy = freePort();
        int admin = freePort();
        Path options = dir.resolve("proxy.args");
        Files.writeString(options, String.join("\n", "--listen 127.0.0.1:" + proxy, "--admin 127.0.0.1:" + admin,
                "--backend 127.0.0.1:" + origin, "--threads 1"));
        List<Process> processes = new ArrayList<>();
        try {
            processes.add(start(jar, "origin", "--listen", "127.0.0.1:" + origin));
            processes.add(start(jar, "proxy", "@" + options));
            Address proxyAddress = new Address.Tcp("127.0.0.1", proxy);
            assertEquals("MISS", RawHttp.get(proxyAddress, "/hello?size=10").header("X-Cache"));
            assertEquals("HIT", RawHttp.get(proxyAddress, "/hello?size=10").header("X-Cache"));
            String metrics = RawHttp.get(new Address.Tcp("127.0.0.1", admin), "/metrics").text();
            assertTrue(metrics.contains("designbench_proxy_cache_hits_total 1.0"), metrics);
            for (Process p : processes) {
                p.destroy();
                assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void badOptionsGetAClearMessage() throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", "target/bench-proxy.jar", "proxy", "--listen", "nowhere",
                "--backend", "127.0.0.1:1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertTrue(p.exitValue() != 0);
        assertTrue(out.contains("not an address: 'nowhere'"), out);
    }

    private static Process start(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("listening on")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException(args[0] + " ended before listening, exit " + process.waitFor());
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
