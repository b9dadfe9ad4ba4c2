package designbench.proxy.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import designbench.contract.BenchmarkFailure;
import designbench.contract.FailureLog;
import designbench.contract.HistogramTags;
import designbench.contract.Profile;
import designbench.contract.Profile.LoadRuns;
import designbench.contract.Profile.LoadTiming;
import designbench.contract.SuiteLaunch;
import designbench.proxy.load.LoadReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Runs the selected scenarios one after the other and leaves, in the output folder, the same standard files a
 * JMH suite leaves, so designbench's results module tables them like any other suite:
 * <ul>
 *   <li>{@code <suite>.json}: one JMH-format result per row: mode {@code thrpt}, score = achieved requests per
 *       second (the median of the row's repetitions, with their rates and range where it has two or more; see
 *       {@link #jmhFormat}), the configuration as params, and the offered rate, errors and cache hit ratio as
 *       secondary metrics;</li>
 *   <li>{@code <suite>-histograms/<scenario>.hlog}: each row's latencies (ns), tagged {@code <benchmark>?<params>};</li>
 *   <li>{@code <suite>-failures.json}: scenarios that failed or rows unavailable here, with the reason (the
 *   contract's {@link FailureLog});</li>
 *   <li>{@code <suite>-configs/}: the configuration of each reference proxy (nginx) the scenarios started.</li>
 * </ul>
 * Exit status 3 when the include pattern selects no scenario, as JMH suites do.
 */
public final class ScenarioSuite {

    private static final List<Scenario> SCENARIOS = List.of(new GeneratorCheck(), new ProxyCost(),
            new ProxyScaling(), new CacheGain(),
            new Stampede(), new UpstreamTransport(), new Balancing(), new Fault(),
            new Flood());

    private ScenarioSuite() {
    }

    public static int run(String suite, String profile, String include, Path out) throws IOException {
        Pattern pattern = Pattern.compile(include);
        List<Scenario> selected = SCENARIOS.stream().filter(s -> pattern.matcher(s.benchmark()).find()).toList();
        if (selected.isEmpty()) {
            System.out.printf("[%s] no scenario matches '%s': skipped%n", suite, include);
            return SuiteLaunch.NOTHING_SELECTED;
        }
        LoadTiming timing = Profile.named(profile).load(); // an unknown name stops here, before any file is written
        Files.createDirectories(out);
        Path histograms = out.resolve(suite + "-histograms");
        Files.createDirectories(histograms);
        System.out.printf("[%s] %d scenarios, profile %s: %s (repetitions × (warm-up + measured)); origin, proxy and "
                + "load generator are separate processes sharing this machine's %d CPUs, unpinned%n", suite,
                selected.size(), profile, timing.describe(), Runtime.getRuntime().availableProcessors());
        List<ScenarioRow> rows = new ArrayList<>();
        List<BenchmarkFailure> failures = new ArrayList<>();
        Path work = Files.createTempDirectory("designbench-scenarios-");
        try {
            int n = 0;
            for (Scenario scenario : selected) {
                n++;
                long started = System.nanoTime();
                System.out.printf("[%s %d/%d] %s ...%n", suite, n, selected.size(), shortName(scenario.benchmark()));
                try {
                    List<ScenarioRow> scenarioRows = new ArrayList<>();
                    ScenarioContext context = new ScenarioContext(work, out.resolve(suite + "-configs"), timing);
                    for (ScenarioRow row : scenario.run(context)) {
                        if (row.isUnavailable()) {
                            System.out.printf("[%s %d/%d] %s %s: unavailable: %s%n", suite, n, selected.size(),
                                    shortName(row.benchmark()), label(row.params()), row.unit());
                            failures.add(row.asUnavailable());
                            continue;
                        }
                        scenarioRows.add(row);
                        System.out.printf("[%s %d/%d] %s %s: %.4g %s%s, p99 %.2f ms%n", suite, n, selected.size(),
                                shortName(row.benchmark()), label(row.params()), row.score(), row.unit(),
                                row.repetitions() > 1 ? " (median of " + row.repetitions() + ")" : "",
                                row.measured().histogram().getValueAtPercentile(99) / 1e6);
                    }
                    rows.addAll(scenarioRows);
                    writeHistograms(histograms.resolve(shortName(scenario.benchmark()) + ".hlog"), scenarioRows);
                } catch (Exception e) {
                    System.out.printf("[%s %d/%d] %s FAILED: %s%n", suite, n, selected.size(),
                            shortName(scenario.benchmark()), e.getMessage());
                    failures.add(new BenchmarkFailure(scenario.benchmark(), Map.of(),
                            String.valueOf(e.getMessage()).replace('\n', ' '), false));
                }
                System.out.printf("[%s %d/%d] took %.0f s%n", suite, n, selected.size(),
                        (System.nanoTime() - started) / 1e9);
            }
        } finally {
            deleteTree(work);
        }
        ObjectMapper json = new ObjectMapper();
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve(suite + ".json").toFile(), jmhFormat(json, rows));
        FailureLog.write(FailureLog.fileOf(out, suite), failures);
        return 0;
    }

    /**
     * The rows in the shape of JMH's JSON result format, which results reads, with what a load run is instead of
     * forks and iterations: {@code loadRuns} (the repetitions behind the row), {@code measurementTime} (each one's
     * measured seconds) and {@code warmupTime} (where the row is warmed load runs). The score is the median of the
     * repetitions' rates. With two or more, {@code rawData} holds every repetition's rate in run order (one list:
     * all ran against the same server processes), {@code scoreConfidence} their range (minimum, maximum) and
     * {@code scoreError} half of it. Errors are summed over the repetitions, the hit ratio is over all of them.
     */
    static ArrayNode jmhFormat(ObjectMapper json, List<ScenarioRow> rows) {
        ArrayNode results = json.createArrayNode();
        for (ScenarioRow row : rows) {
            ScenarioContext.Measured measured = row.measured();
            LoadReport report = measured.report();
            ObjectNode result = results.addObject();
            result.put("benchmark", row.benchmark());
            result.put("mode", row.mode());
            result.put("loadRuns", row.repetitions());
            result.put("measurementTime", LoadRuns.seconds(Duration.ofMillis(Math.round(report.seconds() * 1000))));
            if (measured.warmup() != null) {
                result.put("warmupTime", LoadRuns.seconds(measured.warmup()));
            }
            ObjectNode params = result.putObject("params");
            row.params().forEach(params::put);
            ObjectNode primary = result.putObject("primaryMetric");
            primary.put("score", row.score());
            primary.put("scoreUnit", row.unit());
            double[] rates = measured.rates();
            if (rates.length >= 2) {
                double min = Arrays.stream(rates).min().orElseThrow();
                double max = Arrays.stream(rates).max().orElseThrow();
                primary.put("scoreError", (max - min) / 2);
                primary.putArray("scoreConfidence").add(min).add(max);
                ArrayNode raw = primary.putArray("rawData").addArray();
                Arrays.stream(rates).forEach(raw::add);
            } else {
                primary.put("scoreError", "NaN");
            }
            ObjectNode secondary = result.putObject("secondaryMetrics");
            metric(secondary, "offered", report.offeredRate(), "req/s");
            metric(secondary, "errors", measured.errorCount(), "#");
            metric(secondary, "hitRatio", measured.hitRatio(), "ratio");
        }
        return results;
    }

    private static void metric(ObjectNode secondary, String name, double value, String unit) {
        ObjectNode metric = secondary.putObject(name);
        if (Double.isNaN(value)) {
            metric.put("score", "NaN");
        } else {
            metric.put("score", value);
        }
        metric.put("scoreUnit", unit);
    }

    private static void writeHistograms(Path file, List<ScenarioRow> rows) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("designbench proxy scenario latencies; values in nanoseconds");
            writer.outputLegend();
            for (ScenarioRow row : rows) {
                if (row.measured().histogram().getTotalCount() == 0) {
                    continue; // no latencies recorded (a row measured by another tool): no percentiles to show
                }
                Histogram histogram = row.measured().histogram().copy();
                histogram.setTag(HistogramTags.of(row.benchmark(), row.params()));
                histogram.setStartTimeStamp(0);
                histogram.setEndTimeStamp(0);
                writer.outputIntervalHistogram(histogram);
            }
        }
    }

    private static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    }

    private static String label(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
