package designbench.proxy.scenario;

import designbench.proxy.load.LoadConfig;
import designbench.proxy.load.LoadGenerator;
import designbench.proxy.load.LoadReport;
import designbench.proxy.net.Address;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * What every scenario uses: the run's timing (from the duration profile), a private working folder for sockets
 * and process logs, free loopback ports, origin and proxy processes, and load runs. The load generator runs in
 * this process, the scenario runner's own, which is neither the origin's nor the proxy's: one JVM for all the
 * runs, so its code is compiled once and every run meets a warm generator.
 */
final class ScenarioContext {

    /**
     * A load run's report, its whole latency histogram (nanoseconds), its per-second intervals, and the warm-up that
     * preceded it (null when the row is not one warmed load run: a second of a run, a burst).
     */
    record Measured(LoadReport report, Histogram histogram, List<Histogram> intervals, Duration warmup) {
        Measured(LoadReport report, Histogram histogram) {
            this(report, histogram, List.of(), null);
        }
    }

    /**
     * Warm-up and measured time of each load run, the unrecorded run that warms freshly started servers, whether
     * sweeps are cut to their headline points (a first look, like JMH suites' quick parameter subsets), and the
     * shorter warm-up and measured time of each point of a concurrency sweep (many points, each a closed loop that
     * settles within a second).
     */
    record Timing(Duration warmup, Duration measure, Duration serverWarmup, boolean headlinesOnly,
                  Duration sweepWarmup, Duration sweepMeasure) {
        static Timing of(String profile) {
            return switch (profile.toLowerCase(Locale.ROOT)) {
                // "smoke" is for the build's own check that every scenario runs, not for measuring.
                case "smoke" -> new Timing(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(300),
                        true, Duration.ofMillis(100), Duration.ofMillis(300));
                case "quick" -> new Timing(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), true,
                        Duration.ofMillis(300), Duration.ofMillis(700));
                case "thorough" -> new Timing(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10),
                        false, Duration.ofSeconds(2), Duration.ofSeconds(10));
                // standard: 5 s measured keeps the suite's two dozen load runs per scenario within the hour the whole
                // standard run may take on 2 cores; about 10 000 requests per run at the low loads.
                default -> new Timing(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), false,
                        Duration.ofSeconds(1), Duration.ofSeconds(2));
            };
        }
    }

    /** Connections of every load run: enough to saturate one proxy thread, few enough for a 2-core machine. */
    static final int CONNECTIONS = 32;

    private final Path work;
    private final Path configs;
    private final Timing timing;

    /**
     * @param work    private folder for sockets, process logs and nginx's files, deleted after the suite
     * @param configs folder of the run that keeps the configuration of every reference proxy started
     */
    ScenarioContext(Path work, Path configs, Timing timing) {
        this.work = work;
        this.configs = configs;
        this.timing = timing;
    }

    Path work() {
        return work;
    }

    Timing timing() {
        return timing;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    Spawned origin(String name, String address, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("origin", "--listen", address, "--name", name));
        args.addAll(List.of(options));
        return Spawned.start(name, work.resolve("logs"), true, args.toArray(String[]::new));
    }

    Spawned proxy(String name, String address, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("proxy", "--listen", address, "--threads", "1"));
        if (!List.of(options).contains("--health-interval")) {
            args.addAll(List.of("--health-interval", "0"));
        }
        args.addAll(List.of(options));
        return Spawned.start(name, work.resolve("logs"), true, args.toArray(String[]::new));
    }

    /**
     * nginx listening on {@code address} in front of {@code origin}, caching when {@code cache}; its config is kept
     * in the run folder as {@code <name>.conf}. Fails when nginx is not installed (see {@link Nginx#version()}).
     */
    Nginx nginx(String name, String address, String origin, boolean cache) throws IOException {
        Path prefix = work.resolve(name);
        String config = Nginx.config(prefix, address, origin, cache);
        Files.createDirectories(configs);
        Files.writeString(configs.resolve(name + ".conf"), config);
        return Nginx.start(prefix, address, config);
    }

    /** Sends load that is not measured, so servers just started have their code compiled before measuring. */
    void warmServers(String target) throws IOException, InterruptedException {
        warmServers(target, UnaryOperator.identity());
    }

    /** {@link #warmServers(String)} with the requests {@code requests} shapes (keys, query, source address). */
    void warmServers(String target, UnaryOperator<LoadConfig> requests) throws IOException, InterruptedException {
        load(target, 0, Duration.ZERO, timing.serverWarmup(), requests);
    }

    /** A closed-loop run: the maximum rate. */
    Measured maxRate(String target) throws IOException, InterruptedException {
        return maxRate(target, UnaryOperator.identity());
    }

    Measured maxRate(String target, UnaryOperator<LoadConfig> requests) throws IOException, InterruptedException {
        return load(target, 0, timing.warmup(), timing.measure(), requests);
    }

    /** A closed-loop run over {@code connections} connections, one point of a concurrency sweep. */
    Measured maxRateAt(String target, int connections) throws IOException, InterruptedException {
        return load(target, 0, timing.sweepWarmup(), timing.sweepMeasure(), c -> c.withConnections(connections));
    }

    /** An open-loop run at {@code rate} requests per second. */
    Measured atRate(String target, double rate) throws IOException, InterruptedException {
        return atRate(target, rate, UnaryOperator.identity());
    }

    Measured atRate(String target, double rate, UnaryOperator<LoadConfig> requests)
            throws IOException, InterruptedException {
        return load(target, rate, timing.warmup(), timing.measure(), requests);
    }

    /** An open-loop run of {@code measure} (after the usual warm-up). */
    Measured atRateFor(Duration measure, String target, double rate) throws IOException, InterruptedException {
        return load(target, rate, timing.warmup(), measure, UnaryOperator.identity());
    }

    private Measured load(String target, double rate, Duration warmup, Duration measure,
                          UnaryOperator<LoadConfig> requests) throws IOException, InterruptedException {
        LoadConfig config = requests.apply(LoadConfig.defaults(List.of(Address.parse(target))).withRate(rate)
                .withConnections(CONNECTIONS).withTimes(warmup, measure.isZero() ? Duration.ofMillis(1) : measure));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LoadReport report;
        try (PrintStream out = new PrintStream(log, false, StandardCharsets.UTF_8)) {
            report = LoadGenerator.run(config, new HistogramLogWriter(out), null);
        }
        Histogram total = new Histogram(3);
        List<Histogram> intervals = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(log.toByteArray()));
        while (reader.hasNext()) {
            if (reader.nextIntervalHistogram() instanceof Histogram interval) {
                total.add(interval);
                intervals.add(interval);
            }
        }
        return new Measured(report, total, intervals, warmup);
    }
}
