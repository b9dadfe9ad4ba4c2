package designbench.proxy.scenario;

import designbench.contract.BenchmarkFailure;
import designbench.contract.FailureLog;
import designbench.contract.HistogramTags;
import designbench.contract.LoadRunRow;
import designbench.contract.Profile.LoadTiming;
import designbench.contract.Profile;
import designbench.contract.SuiteLaunch;
import designbench.proxy.load.LoadReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Runs the selected scenarios one after the other and leaves, in the output folder, the contract's files for a
 * load-run suite, which designbench's results module tables:
 * <ul>
 *   <li>{@code <suite>-rows.json}: the rows ({@link LoadRunRow}; see {@link #loadRunRow}): the configuration, the
 *       score (the achieved rate, the median of the row's repetitions where it has two or more, with each one's
 *       rate), how long each load run was measured, and the offered rate, errors and cache hit ratio;</li>
 *   <li>{@code <suite>-histograms/<scenario>.hlog}: each row's latencies (ns), tagged {@code <benchmark>?<params>};</li>
 *   <li>{@code <suite>-failures.json}: scenarios that failed or rows unavailable here, with the reason (the
 *   contract's {@link FailureLog});</li>
 *   <li>{@code <suite>-configs/}: the configuration of each reference proxy (nginx) the scenarios started.</li>
 * </ul>
 * Exit status 3 when the include pattern selects no scenario, as JMH suites do.
 */
public final class ScenarioSuite {

    static final List<Scenario> SCENARIOS = List.of(new GeneratorCheck(), new ProxyCost(),
            new ProxyScaling(), new CacheGain(),
            new Stampede(), new UpstreamTransport(), new Balancing(), new Fault(),
            new Flood(), new ProxySpof());

    private ScenarioSuite() {
    }

    public static int run(String suite, Profile profile, String include, Path out) throws IOException {
        Pattern pattern = Pattern.compile(include);
        List<Scenario> selected = SCENARIOS.stream().filter(s -> pattern.matcher(s.benchmark()).find()).toList();
        if (selected.isEmpty()) {
            System.out.printf("[%s] no scenario matches '%s': skipped%n", suite, include);
            return SuiteLaunch.NOTHING_SELECTED;
        }
        LoadTiming timing = profile.load();
        Files.createDirectories(out);
        Path histograms = HistogramTags.folderOf(out, suite);
        Files.createDirectories(histograms);
        System.out.printf("[%s] %d scenarios, profile %s: %s (repetitions × (warm-up + measured)); origin, proxy and "
                + "load generator are separate processes sharing this machine's %d CPUs, unpinned%n", suite,
                selected.size(), profile.name(), timing.describe(), Runtime.getRuntime().availableProcessors());
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
        LoadRunRow.write(LoadRunRow.fileOf(out, suite), rows.stream().map(ScenarioSuite::loadRunRow).toList());
        FailureLog.write(FailureLog.fileOf(out, suite), failures);
        return 0;
    }

    /**
     * A measured row as the contract's {@link LoadRunRow}: the score (the median of the repetitions' rates for a row
     * of two or more), each repetition's rate when there are two or more, the measured and warm-up time of one load
     * run, the offered rate, the errors summed over the repetitions and the hit ratio over all of them.
     */
    static LoadRunRow loadRunRow(ScenarioRow row) {
        ScenarioContext.Measured measured = row.measured();
        LoadReport report = measured.report();
        List<Double> rates = row.repetitions() >= 2 ? Arrays.stream(measured.rates()).boxed().toList() : List.of();
        double hitRatio = measured.hitRatio();
        return new LoadRunRow(row.benchmark(), row.params(), row.higherIsBetter(), row.score(), row.unit(),
                row.repetitions(), rates, report.seconds(),
                measured.warmup() == null ? null : measured.warmup().toNanos() / 1e9, report.offeredRate(),
                measured.errorCount(), Double.isNaN(hitRatio) ? null : hitRatio);
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
