package designbench.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.runner.launch.FailOnPurposeProfiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on real suites (the test fixtures FixtureBench and FixtureLatencyBench for JMH and
 * FixtureRaceStress for jcstress, run in forked JVMs): two runs, the second with a benchmark failing on purpose.
 * Checks files, tables, latency logs, exit codes and that the first run is left untouched.
 */
class BenchRunIT {
    private static final String MACHINE = "test-machine";

    @TempDir
    Path root;

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--root=" + root, "--profile=quick", "--machine=" + MACHINE,
                "--suite=fixture=" + fixtureSuiteClassPath()));
        args.addAll(List.of(extra));
        return BenchRunMain.commandLine().execute(args.toArray(String[]::new));
    }

    /**
     * The fixtures' class path as a suite's benchmarks.jar would hold it: the test classes and the engines with
     * their libraries, nothing of results; the runner adds its own launchers, as for a real suite.
     */
    private static String fixtureSuiteClassPath() {
        List<String> entries = new ArrayList<>(List.of(Path.of("target", "test-classes").toAbsolutePath().toString()));
        for (Class<?> engine : List.of(org.openjdk.jmh.runner.Runner.class, joptsimple.OptionParser.class,
                org.apache.commons.math3.stat.descriptive.SummaryStatistics.class, org.openjdk.jcstress.Main.class,
                org.HdrHistogram.Histogram.class)) {
            try {
                entries.add(Path.of(engine.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private List<Path> runFolders() throws IOException {
        Path machineDir = root.resolve("results/runs").resolve(MACHINE);
        if (!Files.isDirectory(machineDir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(machineDir)) {
            return folders.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Every file under the folder, by relative path, with a digest of its bytes. */
    private static Map<String, String> snapshot(Path folder) throws IOException, NoSuchAlgorithmException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                contents.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
        }
        return contents;
    }

    @Test
    void aFailingBenchmarkIsMarkedAndFailsTheRunWithoutTouchingEarlierRuns() throws Exception {
        assertEquals(0, run(), "a clean run exits 0");
        List<Path> afterFirst = runFolders();
        assertEquals(1, afterFirst.size());
        Path first = afterFirst.get(0);
        for (String name : List.of("environment.json", "fixture.json", "fixture.log", "fixture-failures.json",
                "summary.md", "summary.csv")) {
            assertTrue(Files.isRegularFile(first.resolve(name)), name + " missing in " + first);
        }
        String firstSummary = Files.readString(first.resolve("summary.md"));
        assertTrue(firstSummary.contains("| FixtureBench.sum | length=10 |"), firstSummary);
        assertTrue(firstSummary.contains("Quick profile"), firstSummary);
        // The fixture's jcstress tests ran as a second suite: the broken control is caught, the correct one is OK.
        assertTrue(firstSummary.contains("| FixtureRaceStress.BrokenPlain | CONTROL_CAUGHT |"), firstSummary);
        assertTrue(firstSummary.contains("| FixtureRaceStress.Atomic | OK |"), firstSummary);
        assertTrue(Files.isRegularFile(first.resolve("fixture-jcstress-report/index.html")));
        // FixtureLatencyBench logged its latencies where the fork was told to, and its row shows their percentiles.
        try (Stream<Path> logs = Files.list(first.resolve("fixture-histograms"))) {
            assertEquals(1, logs.filter(log -> log.toString().endsWith(".hlog")).count());
        }
        String latencyRow = firstSummary.lines().filter(line -> line.startsWith("| FixtureLatencyBench.operation |"))
                .findFirst().orElseThrow();
        assertTrue(latencyRow.contains("| 1.00 | 1.00 | 1.00 | 1.00 | 1.00 |"), latencyRow);
        Map<String, String> firstContents = snapshot(first);

        Thread.sleep(1100); // run ids have one-second resolution
        // Only FixtureBench this time: a suite whose benchmarks log no latencies must leave no histogram folder.
        int exit = run("--fail-on-purpose=FixtureBench", "--include=FixtureBench");
        assertEquals(1, exit, "a run with a failed benchmark must exit non-zero");

        List<Path> afterSecond = runFolders();
        assertEquals(2, afterSecond.size(), "the failed run still writes its folder");
        Path second = afterSecond.get(1);
        assertFalse(Files.exists(second.resolve("fixture-histograms")), "an empty histogram folder is removed");
        String summary = Files.readString(second.resolve("summary.md"));
        assertTrue(summary.contains("**FAILED**"), summary);
        assertTrue(summary.contains(FailOnPurposeProfiler.MESSAGE), summary);
        String csv = Files.readString(second.resolve("summary.csv"));
        assertEquals(2, csv.lines().filter(line -> line.contains(",FAILED,")).count(), csv);

        assertEquals(firstContents, snapshot(first), "the earlier run folder must not change");

        String index = Files.readString(root.resolve("results/README.md"));
        assertTrue(index.contains("runs/" + MACHINE + "/" + second.getFileName() + "/summary.md"), index);
        assertTrue(index.contains("**FAILED**"), "README shows the latest run: " + index);
    }

    @Test
    void anIncludeThatMatchesNothingWritesNoRun() throws IOException {
        assertEquals(2, run("--include=NoSuchBenchmark"));
        assertEquals(List.of(), runFolders());
    }

    @Test
    void anUnwritableResultsFolderFailsBeforeRunning() throws IOException {
        Files.createDirectories(root.resolve("results"));
        Files.writeString(root.resolve("results/runs"), "not a folder");
        int exit = run();
        assertTrue(exit != 0, "must fail");
        assertEquals("not a folder", Files.readString(root.resolve("results/runs")));
    }
}
