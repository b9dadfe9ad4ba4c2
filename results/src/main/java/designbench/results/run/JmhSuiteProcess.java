package designbench.results.run;

import designbench.results.env.EnvironmentProbe;
import designbench.results.launch.JmhSuiteMain;
import designbench.results.table.BenchmarkFailure;
import designbench.results.table.FailureLog;
import designbench.results.table.JmhJsonReader;
import designbench.results.table.Measurement;
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

/**
 * Runs one JMH suite in a JVM of its own ({@link JmhSuiteMain} beside the suite's jar) and reads back what it
 * wrote. The child's console output is the progress the user sees; if this JVM is stopped, the child is too.
 */
final class JmhSuiteProcess {
    /** What one suite produced: its outcome for the suites table, and its rows for the question tables. */
    record Result(SuiteOutcome outcome, List<Measurement> measurements) {
    }

    private JmhSuiteProcess() {
    }

    static Result run(Suite suite, DurationProfile profile, String include, String failOnPurpose,
                      List<String> forkFlags, Path outDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(EnvironmentProbe.javaLauncher());
        command.addAll(forkFlags);
        command.add("-cp");
        // The suite's jar first: its META-INF/BenchmarkList is the one JMH must find.
        command.add(suite.classPath() + File.pathSeparator + System.getProperty("java.class.path"));
        command.add(JmhSuiteMain.class.getName());
        command.add("--suite=" + suite.name());
        command.add("--profile=" + profile.name());
        command.add("--include=" + include);
        command.add("--out=" + outDir);
        command.add("--fail-on-purpose=" + failOnPurpose);
        forkFlags.forEach(flag -> command.add("--fork-jvm-arg=" + flag));

        // Relayed line by line rather than inherited, so that the progress also reaches consoles that capture
        // System.out (Maven's test runner, IDEs).
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        // Ctrl-C or a killed Maven must not leave a suite (and its benchmark fork) running on its own.
        Thread stopChild = new Thread(() -> {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stopChild);
        int exit;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println(line);
            }
            exit = child.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run: nothing to undo
            }
        }

        Path json = outDir.resolve(suite.name() + ".json");
        Path failuresFile = outDir.resolve(suite.name() + "-failures.json");
        List<String> files = existing(outDir, suite.name() + ".json", suite.name() + ".log",
                suite.name() + "-failures.json");
        if (exit == JmhSuiteMain.NOTHING_SELECTED) {
            return new Result(new SuiteOutcome(suite.name(), SuiteOutcome.Status.SKIPPED,
                    "no benchmark matches the include pattern", 0, 0, files), List.of());
        }
        if (exit != 0 || !Files.exists(json) || !Files.exists(failuresFile)) {
            String detail = "the suite's JVM exited with status " + exit
                    + (Files.exists(json) ? "" : " and wrote no results") + "; see " + suite.name() + ".log";
            return new Result(new SuiteOutcome(suite.name(), SuiteOutcome.Status.FAILED, detail, 0, 0, files),
                    List.of());
        }
        List<Measurement> measurements = new ArrayList<>(JmhJsonReader.read(json));
        int measured = measurements.size();
        List<BenchmarkFailure> failures = FailureLog.read(failuresFile);
        failures.forEach(failure -> measurements.add(Measurement.failed(failure)));
        return new Result(new SuiteOutcome(suite.name(), SuiteOutcome.Status.RAN, "", measured, failures.size(),
                files), measurements);
    }

    private static List<String> existing(Path dir, String... names) {
        List<String> present = new ArrayList<>();
        for (String name : names) {
            if (Files.exists(dir.resolve(name))) {
                present.add(name);
            }
        }
        return present;
    }
}
