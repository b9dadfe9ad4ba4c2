package designbench.proxy.scenario;

import designbench.contract.Profile.LoadRuns;
import designbench.contract.Profile.LoadTiming;
import designbench.proxy.JitReport;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * A load run's report, its whole latency histogram (nanoseconds), its per-second intervals, the warm-up that
     * preceded it (null when the row is not one warmed load run: a second of a run, a burst), and the reports of
     * the repetitions it stands for, in run order (just its own report when it was run once; see {@link #combine}).
     */
    record Measured(LoadReport report, Histogram histogram, List<Histogram> intervals, Duration warmup,
                    List<LoadReport> repetitions) {
        Measured(LoadReport report, Histogram histogram, List<Histogram> intervals, Duration warmup) {
            this(report, histogram, intervals, warmup, List.of(report));
        }

        Measured(LoadReport report, Histogram histogram) {
            this(report, histogram, List.of(), null);
        }

        /**
         * Repetitions of one load as one row: the report of the repetition with the median rate (the lower one of
         * the middle two for an even count), every repetition's latencies in one histogram, no per-second intervals
         * (they would not make one time line), and the repetitions' reports in run order.
         */
        static Measured combine(List<Measured> repetitions) {
            if (repetitions.size() == 1) {
                return repetitions.get(0);
            }
            Histogram all = new Histogram(3);
            repetitions.forEach(r -> all.add(r.histogram()));
            List<Measured> byRate = repetitions.stream()
                    .sorted(Comparator.comparingDouble(r -> r.report().achievedRate())).toList();
            return new Measured(byRate.get((byRate.size() - 1) / 2).report(), all, List.of(),
                    repetitions.get(0).warmup(), repetitions.stream().map(Measured::report).toList());
        }

        /** The achieved rate of each repetition, in run order. */
        double[] rates() {
            return repetitions.stream().mapToDouble(LoadReport::achievedRate).toArray();
        }

        /** The median of the repetitions' achieved rates (the mean of the middle two for an even count). */
        double rate() {
            double[] sorted = rates();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        /** Errors of all repetitions together. */
        long errorCount() {
            return repetitions.stream().mapToLong(LoadReport::errorCount).sum();
        }

        /** Share of responses with {@code X-Cache: HIT} over all repetitions; NaN when no response said. */
        double hitRatio() {
            long hits = repetitions.stream().mapToLong(LoadReport::cacheHits).sum();
            long seen = hits + repetitions.stream().mapToLong(LoadReport::cacheMisses).sum();
            return seen == 0 ? Double.NaN : (double) hits / seen;
        }
    }

    /** One load the scenario measures, run with the warm-up and measured time it is given. */
    @FunctionalInterface
    interface Run {
        Measured measure(Duration warmup, Duration measure) throws IOException, InterruptedException;
    }

    /** Connections of every load run: enough to saturate one proxy thread, few enough for a 2-core machine. */
    static final int CONNECTIONS = 32;
    /** Event-loop threads of every designbench proxy a scenario starts (nginx runs one worker likewise). */
    static final int PROXY_THREADS = 1;

    /** The slices in which a warm-up goes on until the JIT is done. */
    private static final Duration WARMUP_SLICE = Duration.ofSeconds(1);

    private final Path work;
    private final Path configs;
    private final LoadTiming timing;
    /** The JVMs this context started, for the warm-up's JIT check. */
    private final List<Spawned> spawned = new ArrayList<>();

    /**
     * @param work    private folder for sockets, process logs and nginx's files, deleted after the suite
     * @param configs folder of the run that keeps the configuration of every reference proxy started
     */
    ScenarioContext(Path work, Path configs, LoadTiming timing) {
        this.work = work;
        this.configs = configs;
        this.timing = timing;
    }

    Path work() {
        return work;
    }

    LoadTiming timing() {
        return timing;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private Spawned started(Spawned process) {
        spawned.add(process);
        return process;
    }

    Spawned origin(String name, String address, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("origin", "--listen", address, "--name", name));
        args.addAll(List.of(options));
        return started(Spawned.start(name, work.resolve("logs"), true, args.toArray(String[]::new)));
    }

    Spawned proxy(String name, String address, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("proxy", "--listen", address, "--threads",
                String.valueOf(PROXY_THREADS)));
        if (!List.of(options).contains("--health-interval")) {
            args.addAll(List.of("--health-interval", "0"));
        }
        args.addAll(List.of(options));
        return started(Spawned.start(name, work.resolve("logs"), true, args.toArray(String[]::new)));
    }

    /**
     * nginx listening on {@code address} in front of {@code origin}, caching when {@code cache}; its config is kept
     * in the run folder as {@code <name>.conf}. Fails when nginx is not installed (see {@link Nginx#version()}).
     */
    Nginx nginx(String name, String address, String origin, Nginx.Caching caching) throws IOException {
        Path prefix = work.resolve(name);
        String config = Nginx.config(prefix, address, origin, caching);
        Files.createDirectories(configs);
        Files.writeString(configs.resolve(name + ".conf"), config);
        return Nginx.start(prefix, address, config);
    }

    /** {@link #nginx} when nginx is installed ({@code version} present); otherwise nothing to close. */
    AutoCloseable nginxIfInstalled(Optional<String> version, String name, String address, String origin,
                                   Nginx.Caching caching) throws IOException {
        return version.isEmpty() ? () -> { } : nginx(name, address, origin, caching);
    }

    /** Requests sent from this loopback address (127.0.0.2, ...), so a server sees another client. */
    static UnaryOperator<LoadConfig> fromHost(String host) {
        return config -> config.withLocalHost(host);
    }

    /**
     * Sends load that is not measured, so servers just started have their code compiled before measuring: at least
     * the profile's server warm-up, then on in slices of a second until no JVM of the run (the servers this context
     * started, and this one, where the load generator runs) compiled more than
     * {@value LoadTiming#JIT_QUIET_MILLIS_PER_SECOND} ms in the last second, or the warm-up cap is reached. Prints
     * how long it took and whether the JIT was done.
     */
    void warmServers(String target) throws IOException, InterruptedException {
        warmServers(target, UnaryOperator.identity());
    }

    /** {@link #warmServers(String)} with the requests {@code requests} shapes (keys, query, source address). */
    void warmServers(String target, UnaryOperator<LoadConfig> requests) throws IOException, InterruptedException {
        Duration minimum = timing.serverWarmup();
        Duration slice = minimum.compareTo(WARMUP_SLICE) < 0 ? minimum : WARMUP_SLICE;
        long start = System.nanoTime();
        Map<String, Long> before = jitMillis();
        while (true) {
            load(target, 0, Duration.ZERO, slice, requests);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Long> after = jitMillis();
            String busiest = null;
            long most = 0;
            for (Map.Entry<String, Long> jvm : after.entrySet()) {
                long compiled = jvm.getValue() - before.getOrDefault(jvm.getKey(), 0L);
                if (busiest == null || compiled > most) {
                    busiest = jvm.getKey();
                    most = compiled;
                }
            }
            before = after;
            double perSecond = most * 1000.0 / slice.toMillis();
            boolean quiet = perSecond < LoadTiming.JIT_QUIET_MILLIS_PER_SECOND;
            if ((quiet && elapsed.compareTo(minimum) >= 0) || elapsed.compareTo(timing.serverWarmupCap()) >= 0) {
                System.out.printf("  warm-up of %s: %.1f s, %s (the busiest JVM, %s, compiled %.0f ms a second "
                        + "at the end)%n", target, elapsed.toNanos() / 1e9, quiet ? "JIT done" : "JIT NOT done at "
                        + "the cap", busiest, perSecond);
                return;
            }
        }
    }

    /** Milliseconds each JVM of the run has spent compiling, by name; JVMs that do not say are left out. */
    private Map<String, Long> jitMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        JitReport.own().ifPresent(m -> millis.put("load generator", m));
        spawned.removeIf(s -> !s.alive());
        for (Spawned s : spawned) {
            s.jitMillis().ifPresent(m -> millis.merge(s.name(), m, Long::sum));
        }
        return millis;
    }

    /** A closed-loop run, once: the maximum rate. */
    Measured maxRate(String target, UnaryOperator<LoadConfig> requests) throws IOException, InterruptedException {
        return max(target, requests).measure(timing.single().warmup(), timing.single().measure());
    }

    /** An open-loop run at {@code rate} requests per second, once. */
    Measured atRate(String target, double rate, UnaryOperator<LoadConfig> requests)
            throws IOException, InterruptedException {
        return at(target, rate, requests).measure(timing.single().warmup(), timing.single().measure());
    }

    /** An open-loop run of {@code measure} (after the single runs' warm-up), once. */
    Measured atRateFor(Duration measure, String target, double rate) throws IOException, InterruptedException {
        return atRateFor(measure, target, rate, UnaryOperator.identity());
    }

    /** {@link #atRateFor(Duration, String, double)} with the requests {@code requests} shapes. */
    Measured atRateFor(Duration measure, String target, double rate, UnaryOperator<LoadConfig> requests)
            throws IOException, InterruptedException {
        return at(target, rate, requests).measure(timing.single().warmup(), measure);
    }

    /** A closed loop over the usual connections: the maximum rate. */
    Run max(String target) {
        return max(target, UnaryOperator.identity());
    }

    Run max(String target, UnaryOperator<LoadConfig> requests) {
        return (warmup, measure) -> load(target, 0, warmup, measure, requests);
    }

    /** A closed loop over {@code connections} connections: one point of a concurrency sweep. */
    Run maxAt(String target, int connections) {
        return max(target, c -> c.withConnections(connections));
    }

    /** An open loop at {@code rate} requests per second. */
    Run at(String target, double rate) {
        return at(target, rate, UnaryOperator.identity());
    }

    Run at(String target, double rate, UnaryOperator<LoadConfig> requests) {
        return (warmup, measure) -> load(target, rate, warmup, measure, requests);
    }

    /**
     * The runs a question compares, each repeated as the profile's compared runs say, interleaved (A B C A B C) so
     * that whatever drifts on the machine meanwhile hits them all alike; per run, in order, its repetitions as one
     * row ({@link Measured#combine}).
     */
    List<Measured> compared(Run... runs) throws IOException, InterruptedException {
        return compared(List.of(runs));
    }

    List<Measured> compared(List<Run> runs) throws IOException, InterruptedException {
        return interleaved(timing.compared(), runs);
    }

    /** {@link #compared} with the timing of a sweep point. */
    List<Measured> swept(Run... runs) throws IOException, InterruptedException {
        return interleaved(timing.sweep(), List.of(runs));
    }

    static List<Measured> interleaved(LoadRuns timing, List<Run> runs) throws IOException, InterruptedException {
        List<List<Measured>> repetitions = new ArrayList<>();
        runs.forEach(r -> repetitions.add(new ArrayList<>()));
        for (int repetition = 0; repetition < timing.count(); repetition++) {
            for (int i = 0; i < runs.size(); i++) {
                repetitions.get(i).add(runs.get(i).measure(timing.warmup(), timing.measure()));
            }
        }
        return repetitions.stream().map(Measured::combine).toList();
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
