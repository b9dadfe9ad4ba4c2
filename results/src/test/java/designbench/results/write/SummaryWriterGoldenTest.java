package designbench.results.write;

import designbench.contract.BenchmarkFailure;
import designbench.contract.Calibration;
import designbench.contract.Conditions;
import designbench.contract.Environment;
import designbench.contract.FailureLog;
import designbench.contract.Profile;
import designbench.results.answer.Verdicts;
import designbench.results.table.HistogramLogs;
import designbench.results.table.JmhJsonReader;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import designbench.results.table.RawSamples;
import designbench.results.table.SuiteOutcome;
import designbench.results.table.SummaryBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A saved JMH JSON (from a real quick run) plus one failure must give exactly the committed summary.md and
 * summary.csv; likewise part of a real IPC run, with its HdrHistogram logs, for ipc-summary.md and
 * ipc-summary.csv. After an intended format change, regenerate them with {@code -Dgolden.update=true} and review
 * the diff. On a mismatch the actual output is left in target/golden-actual/ for diffing.
 */
class SummaryWriterGoldenTest {
    static Environment fixedEnvironment() {
        return new Environment("epyc-2c-24g",
                new Environment.Machine("AMD EPYC", 2, 2, 24_000_000_000L, "Debian GNU/Linux 12", "6.18.44",
                        "amd64", -1, "unknown", "yes"),
                new Environment.Jvm("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25.0.3", "25.0.3+9-LTS",
                        "/usr/lib/jvm/temurin-25-jdk-amd64", List.of("--sun-misc-unsafe-memory-access=allow"), "G1"),
                Map.of("jmh", "1.37"),
                new Environment.Git("aefab995e036aefab995e036aefab995e036aefa", false),
                new Environment.Run("2026-11-28T04-14-08Z", "quick: 1 fork, 1 × 300 ms warm-up, 3 × 300 ms measured",
                        ".*", "2026-11-28T04:14:08Z", "2026-11-28T04:15:20Z", "quick",
                        Profile.QUICK.load().describe()),
                new Conditions("#1 SMP PREEMPT_DYNAMIC", new Calibration(103.2, 17.6), new Calibration(104.8, 16.1),
                        0.97, 1.38, 1.35));
    }

    static List<QuestionTable> fixtureTables() throws IOException, URISyntaxException {
        List<Measurement> rows = new ArrayList<>(JmhJsonReader.read(golden("threads.json")));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("threadKind", "VIRTUAL");
        rows.add(Measurement.failed(new BenchmarkFailure(
                "designbench.threads.virtual.HandoffBench.roundTrip", params,
                "java.lang.IllegalStateException: hand-off lost tokens | saw 3 of 1000", false)));
        return SummaryBuilder.build(rows, RawSamples.read(golden("threads.json")));
    }

    /**
     * Part of a real quick run of the IPC suite: ping-pong and request/response rows with their HdrHistogram logs
     * (four logs, one per JMH thread, for each request/response row), streaming rows, and an unavailable variant.
     */
    static List<QuestionTable> ipcFixtureTables() throws IOException, URISyntaxException {
        List<Measurement> rows = new ArrayList<>(HistogramLogs.attach(JmhJsonReader.read(golden("ipc.json")),
                HistogramLogs.read(golden("ipc-histograms"))));
        FailureLog.read(golden("ipc-failures.json")).forEach(failure -> rows.add(Measurement.failed(failure)));
        return SummaryBuilder.build(rows, RawSamples.read(golden("ipc.json")));
    }

    @Test
    void markdownMatchesGolden() throws Exception {
        List<SuiteOutcome> suites = List.of(new SuiteOutcome("threads", SuiteOutcome.Status.RAN, "", 4, 1, 0,
                List.of("threads.json", "threads.log", "threads-failures.json")));
        List<QuestionTable> tables = fixtureTables();
        check("summary.md", SummaryWriter.markdown(fixedEnvironment(), suites, tables, List.of(), List.of(),
                Verdicts.forTables(tables, RawSamples.read(golden("threads.json"))),
                Map.of("threads-start", List.of("charts/threads-start.png"))));
    }

    @Test
    void csvMatchesGolden() throws Exception {
        check("summary.csv", SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(), fixtureTables(), List.of()));
    }

    @Test
    void ipcMarkdownMatchesGolden() throws Exception {
        List<SuiteOutcome> suites = List.of(new SuiteOutcome("ipc", SuiteOutcome.Status.RAN, "", 10, 0, 1,
                List.of("ipc-failures.json", "ipc-histograms/", "ipc.json", "ipc.log")));
        List<QuestionTable> tables = ipcFixtureTables();
        check("ipc-summary.md", SummaryWriter.markdown(fixedEnvironment(), suites, tables, List.of(), List.of(),
                Verdicts.forTables(tables, RawSamples.read(golden("ipc.json"))), Map.of()));
    }

    @Test
    void ipcCsvMatchesGolden() throws Exception {
        check("ipc-summary.csv", SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(), ipcFixtureTables(), List.of()));
    }

    private static void check(String name, String actual) throws IOException, URISyntaxException {
        Path source = Path.of("src", "test", "resources", "golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(source, actual);
        }
        String expected = Files.readString(golden(name));
        if (!expected.equals(actual)) {
            Path actualFile = Path.of("target", "golden-actual", name);
            Files.createDirectories(actualFile.getParent());
            Files.writeString(actualFile, actual);
        }
        assertEquals(expected, actual, name + " differs from the golden file; actual output in target/golden-actual");
    }

    private static Path golden(String name) throws URISyntaxException {
        return Path.of(SummaryWriterGoldenTest.class.getResource("/golden/" + name).toURI());
    }
}
