package designbench.results.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import designbench.contract.Environment;
import designbench.contract.Profile;
import designbench.contract.StressTestResult;
import designbench.contract.SuiteTables;
import designbench.results.answer.Verdict;
import designbench.results.answer.Verdicts;
import designbench.results.chart.RunCharts;
import designbench.results.compare.ComparisonWriter;
import designbench.results.compare.RunComparison;
import designbench.results.scale.Capacity;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import designbench.results.table.RawSamples;
import designbench.results.table.Significance;
import designbench.results.table.SuiteOutcome;
import designbench.results.table.SummaryBuilder;
import designbench.results.write.AtomicFiles;
import designbench.results.write.ResultsIndexWriter;
import designbench.results.write.SummaryWriter;
import designbench.runner.env.ConditionsProbe;
import designbench.runner.env.EnvironmentProbe;
import designbench.runner.env.MachineId;
import designbench.runner.run.RunFolder;
import designbench.runner.run.Suite;
import designbench.runner.run.SuiteLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The benchmark run behind {@code mvn verify -P bench}: the runner probes the machine and runs every suite into a new
 * run folder; this reads what each suite left, writes the run's tables into {@code results/runs/<machine>/<runId>/}
 * and regenerates results/README.md. Exits non-zero when a suite or a
 * benchmark failed, after writing everything that succeeded.
 */
@Command(name = "bench-run", mixinStandardHelpOptions = true,
        description = "Runs the benchmark suites and writes a run folder with tables.")
public final class BenchRunMain implements Callable<Integer> {
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--root", required = true, description = "the project's top folder")
    Path root;

    @Option(names = "--profile", defaultValue = "standard", description = "quick, standard or thorough")
    String profileName;

    @Option(names = "--include", defaultValue = ".*", description = "regex of benchmark names to run")
    String include;

    @Option(names = "--machine", defaultValue = "", description = "machine id; derived from the hardware if empty")
    String machine;

    @Option(names = "--fail-on-purpose", defaultValue = "",
            description = "regex of benchmarks to fail on purpose, to check the failure path")
    String failOnPurpose;

    @Option(names = "--component-version", description = "name=version of an engine or library, recorded")
    List<String> componentVersions = new ArrayList<>();

    @Option(names = "--suite", description = "NAME=CLASSPATH; default: every bench-*/target/benchmarks.jar")
    List<String> suites = new ArrayList<>();

    @Option(names = "--runs-dir", description = "where run folders go; default: <root>/results/runs")
    Path runsDir;

    @Option(names = "--index", description = "the cross-machine page; default: <root>/results/README.md")
    Path indexFile;

    @Option(names = "--capacity", defaultValue = Capacity.NOTE_EXAMPLE,
            description = "the load the capacity table sizes for, COUNT/UNIT (s, min, h, day, month, year)")
    String capacityLoad;

    @Option(names = "--capacity-peak", defaultValue = "3", description = "the load's peak over its average")
    double capacityPeak;

    @Option(names = "--compare", defaultValue = "",
            description = "RUN_A,RUN_B: compare two committed runs (folder, MACHINE/RUN_ID or RUN_ID) instead of "
                    + "running; writes results/comparisons/<A>__vs__<B>/comparison.md and .csv")
    String compare;

    @Option(names = "--compare-noise", defaultValue = "0.02",
            description = "with --compare: the smallest change called a difference, as a fraction (0.3 for 30 %%); "
                    + "below it a row reads ~ whatever its p-value")
    String compareNoise;

    @Option(names = "--reindex-only", arity = "1", defaultValue = "false",
            description = "true: only regenerate the cross-machine page from the run folders (after adding runs "
                    + "from other machines, say); runs nothing")
    boolean reindexOnly;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with our error handling: bad input and I/O problems are one clear line, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new BenchRunMain()).setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof IOException || error instanceof IllegalArgumentException) {
                cmd.getErr().println("designbench: " + error.getMessage());
                return 2;
            }
            throw error;
        });
    }

    @Override
    public Integer call() throws Exception {
        Profile profile = Profile.named(profileName);
        Capacity capacity = Capacity.parse(capacityLoad, capacityPeak);
        String includePattern = include.isBlank() ? ".*" : include;
        checkRegex("bench.include", includePattern);
        if (!failOnPurpose.isBlank()) {
            checkRegex("bench.failOnPurpose", failOnPurpose);
        }
        root = root.toAbsolutePath().normalize();
        Path runs = runsDir != null ? runsDir : root.resolve("results").resolve("runs");
        Path index = indexFile != null ? indexFile : root.resolve("results").resolve("README.md");
        if (!compare.isBlank()) {
            return compareRuns(runs, root.resolve("results").resolve("comparisons"));
        }
        if (reindexOnly) {
            ResultsIndexWriter.write(runs, index, capacity);
            System.out.println("Machines compared: " + root.relativize(index.toAbsolutePath()));
            return 0;
        }
        List<Suite> suiteList = new ArrayList<>();
        if (suites.isEmpty()) {
            suiteList.addAll(Suite.discover(root));
        }
        for (String suite : suites) {
            suiteList.addAll(Suite.parse(suite));
        }
        if (suiteList.isEmpty()) {
            System.err.println("no suites found: expected bench-*/target/benchmarks.jar under " + root
                    + " (run through `mvn verify -P bench`, which builds them first)");
            return 2;
        }

        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String runId = RUN_ID.format(started);
        List<String> forkFlags = Runtime.version().feature() >= 24
                ? List.of("--sun-misc-unsafe-memory-access=allow") // JMH uses sun.misc.Unsafe; JDK 21 rejects the flag
                : List.of();
        Environment.Machine machineFacts = EnvironmentProbe.machine();
        String machineId = machine.isBlank()
                ? MachineId.of(machineFacts.cpuModel(), machineFacts.logicalCores(), machineFacts.memoryBytes())
                : MachineId.checkOverride(machine);
        RunFolder folder = RunFolder.create(runs, machineId, runId);
        Environment environment = new Environment(machineId, machineFacts, EnvironmentProbe.jvm(forkFlags),
                EnvironmentProbe.components(componentVersions), EnvironmentProbe.git(root),
                new Environment.Run(runId, profile, includePattern, started.toString()));

        System.out.printf("designbench run %s on %s: %d suite(s), profile %s%n", runId, machineId,
                suiteList.size(), profile.describe());
        System.out.println("calibrating the machine (a CPU loop and a thread wake-up round trip, about 1 s) ...");
        ConditionsProbe conditions = ConditionsProbe.start();
        List<SuiteOutcome> outcomes = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<StressTestResult> stressTests = new ArrayList<>();
        List<SuiteTables> suiteTables = new ArrayList<>();
        Map<RawSamples.Key, List<double[]>> samples = new java.util.LinkedHashMap<>();
        for (int i = 0; i < suiteList.size(); i++) {
            Suite suite = suiteList.get(i);
            System.out.printf("== suite %s (%d of %d) ==%n", suite.name(), i + 1, suiteList.size());
            int exit = SuiteLauncher.run(suite, profile, includePattern, failOnPurpose, forkFlags,
                    folder.workingDir());
            SuiteOutput.Result result = SuiteOutput.read(suite, exit, folder.workingDir());
            outcomes.add(result.outcome());
            measurements.addAll(result.measurements());
            stressTests.addAll(result.stressTests());
            suiteTables.addAll(result.tables());
            samples.putAll(result.samples());
        }
        if (outcomes.stream().allMatch(o -> o.status() == SuiteOutcome.Status.SKIPPED)) {
            FileUtils.deleteDirectory(folder.workingDir().toFile()); // it holds at most the suites' empty outputs
            System.err.println("no benchmark in any suite matches bench.include '" + includePattern
                    + "': nothing was run and no run folder was written");
            return 2;
        }

        System.out.println("calibrating the machine again ...");
        Environment finished = environment.endedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .withConditions(conditions.atEnd());
        List<QuestionTable> tables = SummaryBuilder.build(measurements, samples);
        Path working = folder.workingDir();
        AtomicFiles.writeString(working.resolve(Environment.FILE_NAME),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(finished));
        Map<String, Verdict> verdicts = Verdicts.forTables(tables, samples);
        System.out.println("drawing charts ...");
        Map<String, List<String>> charts = RunCharts.write(working, tables, verdicts, finished.machineId() + ", JDK "
                + finished.jvm().runtimeVersion() + ", run " + runId + " (" + profile.name() + ")");
        String summary = SummaryWriter.markdown(finished, outcomes, tables, stressTests, suiteTables, verdicts,
                charts);
        AtomicFiles.writeString(working.resolve("summary.md"), summary);
        AtomicFiles.writeString(working.resolve("summary.csv"), SummaryWriter.csv(finished, tables, stressTests));
        Path published = folder.finish();
        ResultsIndexWriter.write(runs, index, capacity);

        System.out.println();
        System.out.println(summary);
        System.out.println("Run folder: " + root.relativize(published.toAbsolutePath()));
        System.out.println("Machines compared: " + root.relativize(index.toAbsolutePath()));
        List<SuiteOutcome> failing = outcomes.stream().filter(SuiteOutcome::failsTheRun).toList();
        if (!failing.isEmpty()) {
            System.err.println("FAILED: " + failing.stream()
                    .map(o -> o.suite() + (o.failedCount() > 0 ? " (" + o.failedCount() + " benchmarks)" : ""))
                    .toList() + "; the failures are marked in summary.md");
            return 1;
        }
        return 0;
    }

    /** {@code --compare A,B}: runs nothing; writes the comparison of B against A. */
    private int compareRuns(Path runs, Path comparisons) throws IOException {
        String[] names = compare.split(",");
        if (names.length != 2 || names[0].isBlank() || names[1].isBlank()) {
            throw new IllegalArgumentException("bench.compare is '" + compare + "': give two runs, RUN_A,RUN_B");
        }
        RunComparison.Result result = RunComparison.compare(RunComparison.load(findRun(runs, names[0].trim())),
                RunComparison.load(findRun(runs, names[1].trim())), Significance.noise(compareNoise));
        Path written = ComparisonWriter.write(result, comparisons);
        System.out.println(Files.readString(written.resolve("comparison.md")));
        System.out.println("Comparison: " + root.relativize(written.toAbsolutePath()));
        return 0;
    }

    /** A run given as a folder, as MACHINE/RUN_ID under the runs folder, or as a RUN_ID found under one machine. */
    static Path findRun(Path runs, String name) throws IOException {
        Path direct = Path.of(name);
        if (Files.isDirectory(direct) && Files.isRegularFile(direct.resolve("summary.csv"))) {
            return direct;
        }
        if (Files.isDirectory(runs.resolve(name))) {
            return runs.resolve(name);
        }
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(runs)) {
            try (Stream<Path> machines = Files.list(runs)) {
                for (Path machine : machines.filter(Files::isDirectory).toList()) {
                    if (Files.isDirectory(machine.resolve(name))) {
                        found.add(machine.resolve(name));
                    }
                }
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new IllegalArgumentException(found.isEmpty() ? "no run folder '" + name + "' (looked for a folder, "
                + "for MACHINE/RUN_ID and for RUN_ID under " + runs + ")"
                : "run id '" + name + "' is on several machines: " + found + "; give MACHINE/RUN_ID");
    }

    private static void checkRegex(String property, String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(property + " is not a valid regular expression: " + e.getMessage());
        }
    }
}
