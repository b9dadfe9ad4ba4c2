package designbench.proxy.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nginx as the reference proxy (scenario 8), when it is installed ({@code scripts/install-nginx.sh}): started by the
 * suite in the foreground with a config it writes, on loopback ports, and stopped with SIGTERM like our own
 * processes. The config is the fair counterpart of how the scenarios run designbench's proxy: one worker process
 * (the proxy runs one event-loop thread), HTTP/1.1 with kept-alive connections to the origin, no access log, and
 * when caching, {@code proxy_cache} with or without {@code proxy_cache_lock} (nginx's request coalescing) and the
 * cache status in {@code X-Cache}, so the load generator counts hits the same way for both.
 */
final class Nginx implements AutoCloseable {

    private static final List<String> PLACES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx",
            "/usr/local/nginx/sbin/nginx");
    private static final Pattern VERSION = Pattern.compile("nginx/(\\S+)");
    private static final long READY_SECONDS = 10;

    private final Process process;
    private final Path errorLog;

    private Nginx(Process process, Path errorLog) {
        this.process = process;
        this.errorLog = errorLog;
    }

    /** The nginx binary: on the PATH, or where Debian and nginx's own build install it; empty when none. */
    static Optional<String> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
                return Optional.of(Path.of(dir, "nginx").toString());
            }
        }
        return PLACES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    /** The installed nginx's version ("1.22.1"), empty when nginx is not installed or does not say it. */
    static Optional<String> version() {
        Optional<String> binary = binary();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(binary.get(), "-v").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out = in.lines().reduce("", (a, b) -> a + b);
            }
            p.waitFor(5, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The reason a row is unavailable when nginx is not installed. */
    static String absentReason() {
        return "nginx is not installed (scripts/install-nginx.sh installs it from Debian's packages)";
    }

    /** How nginx caches: not at all, or with {@code proxy_cache}, with or without {@code proxy_cache_lock}. */
    enum Caching {
        OFF,
        /**
         * Concurrent misses on one key wait for the first one's fetch, as designbench's coalescing does; a waiter
         * re-checks only every 500 ms (nginx's fixed interval), which holds a 0 %-hit load back.
         */
        LOCKED,
        /** Every miss goes to the origin. */
        UNLOCKED
    }

    /**
     * The configuration: nginx listening on {@code listen} (host:port) in front of the origin at {@code origin},
     * caching into {@code prefix}/cache unless {@code caching} is OFF, with every path it writes under {@code prefix}.
     */
    static String config(Path prefix, String listen, String origin, Caching caching) {
        boolean cache = caching != Caching.OFF;
        String user = "root".equals(System.getProperty("user.name"))
                // As root, nginx would run its worker as nobody, which cannot enter the suite's private folder.
                ? "user root;\n" : "";
        String cacheZone = cache ? """
                    proxy_cache_path %1$s/cache levels=1:2 keys_zone=designbench:16m max_size=256m inactive=10m \
                use_temp_path=off;
                """.formatted(prefix) : "";
        String location = cache ? """
                            proxy_cache designbench;
                            proxy_cache_lock %s;
                            add_header X-Cache $upstream_cache_status always;
                """.formatted(caching == Caching.LOCKED ? "on" : "off") : """
                            proxy_cache off;
                """;
        return """
                # nginx as designbench's reference proxy: the fair counterpart of `bench-proxy.jar proxy --threads 1`.
                %1$sworker_processes 1;
                daemon off;
                pid %2$s/nginx.pid;
                events {
                    worker_connections 4096;
                }
                http {
                    access_log off;
                    keepalive_timeout 65s;
                    keepalive_requests 1000000;
                    client_body_temp_path %2$s/client_body;
                    proxy_temp_path %2$s/proxy_temp;
                    fastcgi_temp_path %2$s/fastcgi_temp;
                    uwsgi_temp_path %2$s/uwsgi_temp;
                    scgi_temp_path %2$s/scgi_temp;
                %3$s    upstream origin {
                        server %4$s;
                        keepalive 64;
                        keepalive_requests 1000000;
                    }
                    server {
                        listen %5$s;
                        location / {
                            proxy_pass http://origin;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                %6$s        }
                    }
                }
                """.formatted(user, prefix, cacheZone, origin, listen, location);
    }

    /**
     * Starts nginx with {@code config} (written to {@code prefix}/nginx.conf) and waits until it accepts
     * connections on {@code listen}'s port.
     */
    static Nginx start(Path prefix, String listen, String config) throws IOException {
        String binary = binary().orElseThrow(() -> new IOException(absentReason()));
        Files.createDirectories(prefix);
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        Path errorLog = prefix.resolve("error.log");
        Process process = new ProcessBuilder(binary, "-p", prefix.toString(), "-c", conf.toString(),
                "-e", errorLog.toString()).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        process.getOutputStream().close();
        Nginx nginx = new Nginx(process, errorLog);
        nginx.awaitListening(listen);
        return nginx;
    }

    private void awaitListening(String listen) throws IOException {
        int colon = listen.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon),
                Integer.parseInt(listen.substring(colon + 1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx ended with status " + process.exitValue() + " before it listened: "
                        + errors());
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, 200);
                return;
            } catch (IOException notYet) {
                Spawned.sleep(50);
            }
        }
        close();
        throw new IOException("nginx did not listen on " + listen + " within " + READY_SECONDS + " s: " + errors());
    }

    private String errors() {
        try {
            return Files.exists(errorLog) ? String.join(" | ", Files.readAllLines(errorLog)) : "(no error log)";
        } catch (IOException e) {
            return "(error log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (nginx's fast shutdown: the master stops its worker, then itself); killed if it does not end. */
    @Override
    public void close() {
        Spawned.stop(process);
    }
}
