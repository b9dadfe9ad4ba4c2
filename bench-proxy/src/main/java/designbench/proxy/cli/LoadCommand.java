package designbench.proxy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import designbench.proxy.load.LoadConfig;
import designbench.proxy.load.LoadGenerator;
import designbench.proxy.load.LoadReport;
import designbench.proxy.net.Address;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.HdrHistogram.HistogramLogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code load}: the coordinated-omission-free HTTP load generator. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An HTTP/1.1 load generator: open loop at a constant rate, timed from each request's "
                + "intended start (no coordinated omission), or closed loop to find the maximum rate.",
            "Prints a progress line per second and a summary; --json and --histogram-log keep the details."})
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, converter = Units.AddressConverter.class,
            description = "HOST:PORT, [V6]:PORT or unix:PATH; repeatable: connections spread over the targets and "
                    + "fail over to the next when one stops answering")
    List<Address> targets;

    @Option(names = "--rate", defaultValue = "0",
            description = "requests per second on a fixed timeline (open loop); 0: closed loop (default 0)")
    double rate;

    @Option(names = "--connections", defaultValue = "16", description = "keep-alive connections (default 16)")
    int connections;

    @Option(names = "--duration", defaultValue = "10s", converter = Units.Time.class,
            description = "measured time (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "2s", converter = Units.Time.class,
            description = "time before measuring (default ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--keys", defaultValue = "1", description = "distinct keys (paths) (default 1)")
    int keys;

    @Option(names = "--zipf", defaultValue = "0",
            description = "Zipf exponent of the key popularity; 0: uniform (default 0)")
    double zipf;

    @Option(names = "--path-prefix", defaultValue = "/k/", description = "path before the key (default /k/)")
    String pathPrefix;

    @Option(names = "--query", defaultValue = "", description = "query string for every request, e.g. size=1024")
    String query;

    @Option(names = "--cookie", defaultValue = "", description = "Cookie header for every request, e.g. ab=a")
    String cookie;

    @Option(names = "--timeout", defaultValue = "5s", converter = Units.Time.class,
            description = "a request unanswered this long is a timeout error (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--threads", defaultValue = "1", description = "event-loop threads (default 1)")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the key sequence (default 42)")
    long seed;

    @Option(names = "--local-host", defaultValue = "",
            description = "connect from this local address, e.g. 127.0.0.2 to appear as another client on loopback")
    String localHost;

    @Option(names = "--json", description = "write the report as JSON to this file")
    Path json;

    @Option(names = "--prefer-fastest", description = "with several --target: move a connection to the target "
            + "that answers fastest when its own answers take over twice as long (as a browser prefers the fastest "
            + "address); without it, connections stay on their target until it fails")
    boolean preferFastest;

    @Option(names = "--histogram-log", description = "write the HdrHistogram interval log (one interval per "
            + "second, latencies in ns) to this file")
    Path histogramLog;

    @Override
    public Integer call() throws Exception {
        LoadConfig config = new LoadConfig(targets, rate, connections, warmup, duration, keys, zipf, pathPrefix,
                query, cookie, timeout, threads, seed, localHost, preferFastest);
        LoadReport report;
        if (histogramLog != null) {
            Path temp = Files.createTempFile(histogramLog.toAbsolutePath().getParent(), ".histogram", ".tmp");
            try (PrintStream out = new PrintStream(new FileOutputStream(temp.toFile()), false, "UTF-8")) {
                report = LoadGenerator.run(config, new HistogramLogWriter(out), System.err);
            }
            Files.move(temp, histogramLog, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            report = LoadGenerator.run(config, null, System.err);
        }
        System.out.print(summary(config, report));
        if (json != null) {
            Path temp = Files.createTempFile(json.toAbsolutePath().getParent(), ".report", ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temp.toFile(), report);
            Files.move(temp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    /** The report as people read it. */
    static String summary(LoadConfig config, LoadReport r) {
        StringBuilder s = new StringBuilder();
        String mode = config.openLoop()
                ? "open loop, %.0f req/s offered".formatted(config.rate()) : "closed loop";
        s.append("%-10s %s%n".formatted("targets", config.targets().stream().map(Object::toString)
                .collect(Collectors.joining(", "))));
        s.append("%-10s %s over %d connections; %s measured after %s warm-up%n".formatted("mode", mode,
                config.connections(), config.duration().toMillis() / 1000.0 + " s",
                config.warmup().toMillis() / 1000.0 + " s"));
        s.append("%-10s %.1f req/s (%d responses)%n".formatted("achieved", r.achievedRate(), r.completed()));
        LoadReport.Latency l = r.latency();
        s.append("%-10s p50 %s  p90 %s  p99 %s  p99.9 %s  p99.99 %s  max %s  (%s)%n".formatted("latency",
                ms(l.p50()), ms(l.p90()), ms(l.p99()), ms(l.p999()), ms(l.p9999()), ms(l.max()),
                config.openLoop() ? "from intended start" : "from send"));
        s.append("%-10s %s%n".formatted("errors", r.errors().isEmpty() ? "none" : r.errors().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        if (r.cacheHits() + r.cacheMisses() > 0) {
            s.append("%-10s X-Cache HIT %.1f %%%n".formatted("cache", 100 * r.hitRatio()));
        }
        if (r.perTarget().size() > 1) {
            s.append("%-10s %s%n".formatted("per target", r.perTarget()));
        }
        s.append("%-10s %.2f s CPU (%.0f %% of one core)%n".formatted("generator", r.cpuSeconds(),
                100 * r.cpuSeconds() / (config.warmup().toNanos() / 1e9 + r.seconds())));
        return s.toString();
    }

    private static String ms(double micros) {
        return "%.2f ms".formatted(micros / 1000);
    }
}
