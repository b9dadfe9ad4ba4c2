package designbench.results.run;

import designbench.contract.BenchmarkFailure;
import designbench.contract.FailureLog;
import designbench.contract.HistogramTags;
import designbench.contract.LoadRunRow;
import designbench.contract.StressResultLog;
import designbench.contract.StressTestResult;
import designbench.contract.SuiteLaunch;
import designbench.contract.SuiteTables;
import designbench.results.table.HistogramLogs;
import designbench.results.table.JmhJsonReader;
import designbench.results.table.LoadRunRows;
import designbench.results.table.Measurement;
import designbench.results.table.RawSamples;
import designbench.results.table.SuiteOutcome;
import designbench.runner.run.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one suite left in the run folder after the runner ran it ({@link designbench.runner.run.SuiteLauncher}),
 * read in the format of its kind: JMH's JSON, the jcstress launcher's results, the load-run rows of a scenario
 * suite, or a table suite's tables, each with its failure record and latency logs.
 */
final class SuiteOutput {
    /** What one suite produced: its outcome for the suites table, and its rows for the question tables. */
    record Result(SuiteOutcome outcome, List<Measurement> measurements, List<StressTestResult> stressTests,
                  List<SuiteTables> tables, Map<RawSamples.Key, List<double[]>> samples) {
        Result(SuiteOutcome outcome, List<Measurement> measurements, List<StressTestResult> stressTests) {
            this(outcome, measurements, stressTests, List.of(), Map.of());
        }
    }

    private SuiteOutput() {
    }

    /** What the suite left in {@code outDir}, read after its JVM exited with {@code exit}. */
    static Result read(Suite suite, int exit, Path outDir) throws IOException {
        List<String> files = filesOf(outDir, suite.name());
        if (exit == SuiteLaunch.NOTHING_SELECTED) {
            return new Result(new SuiteOutcome(suite.name(), SuiteOutcome.Status.SKIPPED,
                    "nothing matches the include pattern", 0, 0, 0, files), List.of(), List.of());
        }
        if (suite.kind() == Suite.Kind.TABLES) {
            return readTables(suite.name(), exit, outDir, files);
        }
        Path results = switch (suite.kind()) {
            case JMH -> outDir.resolve(suite.name() + ".json");
            case JCSTRESS -> StressResultLog.fileOf(outDir, suite.name());
            default -> LoadRunRow.fileOf(outDir, suite.name());
        };
        Path failuresFile = FailureLog.fileOf(outDir, suite.name());
        boolean recordsFailures = suite.kind() != Suite.Kind.JCSTRESS;
        if (exit != 0 || !Files.exists(results) || (recordsFailures && !Files.exists(failuresFile))) {
            String detail = "the suite's JVM exited with status " + exit
                    + (Files.exists(results) ? "" : " and wrote no results") + "; see " + suite.name() + ".log";
            return new Result(new SuiteOutcome(suite.name(), SuiteOutcome.Status.FAILED, detail, 0, 0, 0, files),
                    List.of(), List.of());
        }
        if (suite.kind() == Suite.Kind.JCSTRESS) {
            List<StressTestResult> tests = StressResultLog.read(results);
            int failed = (int) tests.stream().filter(StressTestResult::failsTheRun).count();
            return new Result(new SuiteOutcome(suite.name(), SuiteOutcome.Status.RAN, "", tests.size() - failed,
                    failed, 0, files), List.of(), tests);
        }
        return suite.kind() == Suite.Kind.JMH ? readJmhOutput(suite.name(), outDir, files)
                : readLoadRunOutput(suite.name(), outDir, files);
    }

    /**
     * The rows of a JMH suite that ran to its end: scores from {@code <suite>.json} with the latency percentiles of
     * {@code <suite>-histograms/}, then the failures of {@code <suite>-failures.json}. A latency log that cannot be
     * read costs the suite its percentiles, not its scores: the outcome's detail names the file.
     */
    static Result readJmhOutput(String suite, Path outDir, List<String> files) throws IOException {
        Path json = outDir.resolve(suite + ".json");
        return withLatenciesAndFailures(suite, outDir, files, JmhJsonReader.read(json), RawSamples.read(json));
    }

    /** The rows of a load-run suite (the proxy scenarios), read like a JMH suite's from its rows file. */
    static Result readLoadRunOutput(String suite, Path outDir, List<String> files) throws IOException {
        List<LoadRunRow> rows = LoadRunRow.read(LoadRunRow.fileOf(outDir, suite));
        return withLatenciesAndFailures(suite, outDir, files, LoadRunRows.measurements(rows),
                LoadRunRows.samples(rows));
    }

    private static Result withLatenciesAndFailures(String suite, Path outDir, List<String> files,
                                                   List<Measurement> scored,
                                                   Map<RawSamples.Key, List<double[]>> samples) throws IOException {
        String detail = "";
        try {
            scored = HistogramLogs.attach(scored, HistogramLogs.read(HistogramTags.folderOf(outDir, suite)));
        } catch (IOException e) {
            detail = "no latency percentiles: " + e.getMessage();
            System.err.println("designbench: " + detail);
        }
        List<Measurement> measurements = new ArrayList<>(scored);
        int measured = measurements.size();
        List<BenchmarkFailure> failures = FailureLog.read(FailureLog.fileOf(outDir, suite));
        failures.forEach(failure -> measurements.add(Measurement.failed(failure)));
        int unavailable = (int) failures.stream().filter(BenchmarkFailure::unavailable).count();
        return new Result(new SuiteOutcome(suite, SuiteOutcome.Status.RAN, detail, measured,
                failures.size() - unavailable, unavailable, files), measurements, List.of(), List.of(), samples);
    }

    /**
     * The tables of a table suite. It exits with 1 when a row failed, after writing its tables: the tables are kept
     * and the failed rows (cells starting **FAILED**) fail the run; with no tables file, the suite failed whole.
     */
    static Result readTables(String suite, int exit, Path outDir, List<String> files) throws IOException {
        Path file = outDir.resolve(SuiteTables.fileName(suite));
        if ((exit != 0 && exit != 1) || !Files.exists(file)) {
            String detail = "the suite's JVM exited with status " + exit
                    + (Files.exists(file) ? "" : " and wrote no tables") + "; its output is in the run's console log";
            return new Result(new SuiteOutcome(suite, SuiteOutcome.Status.FAILED, detail, 0, 0, 0, files),
                    List.of(), List.of());
        }
        SuiteTables tables = SuiteTables.read(file);
        List<List<String>> firstTableRows = tables.tables().isEmpty() ? List.of() : tables.tables().get(0).rows();
        int failed = (int) firstTableRows.stream().filter(r -> r.size() > 1 && r.get(1).startsWith("**FAILED**"))
                .map(r -> r.get(0)).distinct().count();
        int unavailable = (int) firstTableRows.stream().filter(r -> r.size() > 1
                && r.get(1).startsWith(BenchmarkFailure.UNAVAILABLE_PREFIX)).map(r -> r.get(0)).distinct().count();
        int measured = (int) firstTableRows.stream().map(r -> r.get(0)).distinct().count() - failed - unavailable;
        String detail = exit == 1 && failed == 0 ? "exited with status 1; its output is in the run's console log" : "";
        return new Result(new SuiteOutcome(suite, SuiteOutcome.Status.RAN, detail, measured,
                failed + (detail.isEmpty() ? 0 : 1), unavailable, files), List.of(), List.of(), List.of(tables),
                Map.of());
    }

    /** The files in the run folder that belong to this suite, for the suites table. */
    private static List<String> filesOf(Path dir, String suiteName) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(suiteName + "-report")) {
                    names.add(name + "/index.html");
                } else if (file.equals(HistogramTags.folderOf(dir, suiteName))) {
                    names.add(name + "/");
                } else if (name.equals(suiteName + "-histories")) {
                    names.add(name + "/");
                } else if (name.equals(SuiteTables.fileName(suiteName)) || name.equals(suiteName + ".json")
                        || name.equals(suiteName + ".log")
                        || name.equals(suiteName + FailureLog.FILE_SUFFIX) || name.equals(StressResultLog.fileOf(dir, suiteName).getFileName().toString())
                        || name.equals(LoadRunRow.fileOf(dir, suiteName).getFileName().toString())) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
