package designbench.results.run;

import designbench.contract.BenchmarkFailure;
import designbench.contract.FailureLog;
import designbench.contract.Profile;
import designbench.contract.SuiteLaunch;
import designbench.contract.SuiteOptions;
import designbench.contract.SuiteTables;
import designbench.results.env.EnvironmentProbe;
import designbench.results.launch.JcstressSuiteMain;
import designbench.results.launch.JmhSuiteMain;
import designbench.results.table.HistogramLogs;
import designbench.results.table.JmhJsonReader;
import designbench.results.table.Measurement;
import designbench.results.table.RawSamples;
import designbench.results.table.StressResultLog;
import designbench.results.table.StressTestResult;
import designbench.results.table.SuiteOutcome;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one suite in a JVM of its own (a launcher from designbench.results.launch beside the suite's jar) and
 * reads back what it wrote. The child's console output is the progress the user sees; if this JVM is stopped,
 * the child is too.
 */
final class SuiteProcess {
    /** What one suite produced: its outcome for the suites table, and its rows for the question tables. */
    record Result(SuiteOutcome outcome, List<Measurement> measurements, List<StressTestResult> stressTests,
                  List<SuiteTables> tables, Map<RawSamples.Key, List<double[]>> samples) {
        Result(SuiteOutcome outcome, List<Measurement> measurements, List<StressTestResult> stressTests) {
            this(outcome, measurements, stressTests, List.of(), Map.of());
        }
    }

    private SuiteProcess() {
    }

    static Result run(Suite suite, Profile profile, String include, String failOnPurpose,
                      List<String> forkFlags, Path outDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(EnvironmentProbe.javaLauncher());
        command.addAll(forkFlags);
        command.add("-cp");
        // The suite's jar first: its generated benchmark or test list is the one the engine must find.
        command.add(absolute(suite.classPath() + File.pathSeparator + System.getProperty("java.class.path")));
        switch (suite.kind()) {
            case JMH -> command.add(JmhSuiteMain.class.getName());
            case JCSTRESS -> command.add(JcstressSuiteMain.class.getName());
            case SCENARIOS, TABLES -> command.addAll(suite.launcher());
        }
        command.addAll(SuiteOptions.args(suite.name(), profile, include, outDir));
        if (suite.kind() == Suite.Kind.JMH) {
            command.add("--fail-on-purpose=" + failOnPurpose);
            forkFlags.forEach(flag -> command.add("--fork-jvm-arg=" + flag));
        }
        int exit = runRelayingOutput(new ProcessBuilder(command).directory(outDir.toFile()));

        List<String> files = filesOf(outDir, suite.name());
        if (exit == SuiteLaunch.NOTHING_SELECTED) {
            return new Result(new SuiteOutcome(suite.name(), SuiteOutcome.Status.SKIPPED,
                    "nothing matches the include pattern", 0, 0, 0, files), List.of(), List.of());
        }
        if (suite.kind() == Suite.Kind.TABLES) {
            return readTables(suite.name(), exit, outDir, files);
        }
        boolean jmhFormat = suite.kind() != Suite.Kind.JCSTRESS;
        Path results = outDir.resolve(suite.name() + (jmhFormat ? ".json" : "-results.json"));
        Path failuresFile = FailureLog.fileOf(outDir, suite.name());
        if (exit != 0 || !Files.exists(results) || (jmhFormat && !Files.exists(failuresFile))) {
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
        return readJmhOutput(suite.name(), outDir, files);
    }

    /**
     * The rows of a JMH suite that ran to its end: scores from {@code <suite>.json} with the latency percentiles of
     * {@code <suite>-histograms/}, then the failures of {@code <suite>-failures.json}. A latency log that cannot be
     * read costs the suite its percentiles, not its scores: the outcome's detail names the file.
     */
    static Result readJmhOutput(String suite, Path outDir, List<String> files) throws IOException {
        List<Measurement> scored = JmhJsonReader.read(outDir.resolve(suite + ".json"));
        String detail = "";
        try {
            scored = HistogramLogs.attach(scored, HistogramLogs.read(HistogramLogs.folderOf(outDir, suite)));
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
                failures.size() - unavailable, unavailable, files), measurements, List.of(), List.of(),
                RawSamples.read(outDir.resolve(suite + ".json")));
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
                && r.get(1).startsWith("unavailable: ")).map(r -> r.get(0)).distinct().count();
        int measured = (int) firstTableRows.stream().map(r -> r.get(0)).distinct().count() - failed - unavailable;
        String detail = exit == 1 && failed == 0 ? "exited with status 1; its output is in the run's console log" : "";
        return new Result(new SuiteOutcome(suite, SuiteOutcome.Status.RAN, detail, measured,
                failed + (detail.isEmpty() ? 0 : 1), unavailable, files), List.of(), List.of(), List.of(tables),
                Map.of());
    }

    /** Starts the child, copies its output line by line to ours, and waits for it. */
    private static int runRelayingOutput(ProcessBuilder builder) throws IOException, InterruptedException {
        // Relayed rather than inherited, so that the progress also reaches consoles that capture System.out
        // (Maven's test runner, IDEs).
        Process child = builder.redirectErrorStream(true).start();
        child.getOutputStream().close();
        // Ctrl-C or a killed Maven must not leave a suite (and its benchmark fork) running on its own.
        Thread stopChild = new Thread(() -> {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stopChild);
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println(line);
            }
            return child.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run: nothing to undo
            }
        }
    }

    /** The class path with every entry absolute: the child runs in the run folder, not in our directory. */
    private static String absolute(String classPath) {
        return Stream.of(classPath.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The files in the run folder that belong to this suite, for the suites table. */
    private static List<String> filesOf(Path dir, String suiteName) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(suiteName + "-report")) {
                    names.add(name + "/index.html");
                } else if (file.equals(HistogramLogs.folderOf(dir, suiteName))) {
                    names.add(name + "/");
                } else if (name.equals(suiteName + "-histories")) {
                    names.add(name + "/");
                } else if (name.equals(SuiteTables.fileName(suiteName)) || name.equals(suiteName + ".json")
                        || name.equals(suiteName + ".log")
                        || name.equals(suiteName + FailureLog.FILE_SUFFIX) || name.equals(suiteName + "-results.json")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
