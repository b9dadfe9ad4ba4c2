package designbench.results.launch;

import designbench.results.run.DurationProfile;
import designbench.results.table.FailureLog;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one JMH suite inside the suite's own JVM (its benchmarks.jar on the class path) and leaves three files in
 * the output folder: {@code <suite>.json} (JMH's JSON), {@code <suite>.log} (JMH's full text output) and
 * {@code <suite>-failures.json}. Exits 0 when JMH ran to the end, failed benchmarks included: deciding what a
 * failure means for the build is the caller's job, once everything that succeeded is written.
 */
@Command(name = "jmh-suite", mixinStandardHelpOptions = true,
        description = "Runs one JMH suite with a duration profile and records results, log and failures.")
public final class JmhSuiteMain implements Callable<Integer> {
    /** Exit status when the include pattern selects no benchmark of this suite. */
    public static final int NOTHING_SELECTED = 3;

    @Option(names = "--suite", required = true, description = "suite name, used for file names: threads, ipc")
    String suite;

    @Option(names = "--profile", defaultValue = "standard", description = "quick, standard or thorough")
    String profileName;

    @Option(names = "--include", defaultValue = ".*", description = "regex of benchmark names to run")
    String include;

    @Option(names = "--out", required = true, description = "folder that receives the suite's files")
    Path outDir;

    @Option(names = "--fail-on-purpose", defaultValue = "",
            description = "regex of benchmarks to fail on purpose, to check the failure path")
    String failOnPurpose;

    @Option(names = "--fork-jvm-arg", description = "extra JVM argument for every benchmark fork")
    List<String> forkJvmArgs = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new JmhSuiteMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        DurationProfile profile = DurationProfile.named(profileName);
        int benchmarkCount = countSelected(include);
        if (benchmarkCount == 0) {
            System.out.printf("[%s] no benchmark matches '%s': skipped%n", suite, include);
            return NOTHING_SELECTED;
        }
        Files.createDirectories(outDir);
        Path json = outDir.resolve(suite + ".json");
        Path log = outDir.resolve(suite + ".log");
        System.out.printf("[%s] %d benchmarks, profile %s; JMH's full output: %s%n",
                suite, benchmarkCount, profile.describe(), log);

        List<String> jvmArgs = new ArrayList<>(forkJvmArgs);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(profile.forks())
                .warmupIterations(profile.warmupIterations())
                .warmupTime(TimeValue.milliseconds(profile.warmupMillis()))
                .measurementIterations(profile.measurementIterations())
                .measurementTime(TimeValue.milliseconds(profile.measurementMillis()))
                .shouldFailOnError(false) // record the failure and go on with the rest of the suite
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        if (!failOnPurpose.isBlank()) {
            jvmArgs.add("-D" + FailOnPurposeProfiler.PROPERTY + "=" + failOnPurpose);
            options.addProfiler(FailOnPurposeProfiler.class);
        }
        // jvmArgs, not jvmArgsAppend: JMH would otherwise copy this JVM's own flags too, and the forks' flags
        // would no longer be exactly the ones environment.json records.
        options.jvmArgs(jvmArgs.toArray(String[]::new));

        try (PrintStream logStream = new PrintStream(new FileOutputStream(log.toFile()), true,
                StandardCharsets.UTF_8)) {
            OutputFormat logFormat = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
            ProgressOutputFormat progress =
                    new ProgressOutputFormat(logFormat, System.out, suite, benchmarkCount, System::nanoTime);
            Options built = options.build();
            new Runner(built, progress).run();
            FailureLog.write(outDir.resolve(suite + "-failures.json"), progress.failures());
        }
        return 0;
    }

    /** How many benchmark and parameter combinations the include pattern selects, for "n of m" progress. */
    static int countSelected(String include) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(
                new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT);
        SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(silent, List.of(include), List.of());
        int count = 0;
        for (BenchmarkListEntry entry : entries) {
            int combinations = 1;
            Optional<Map<String, String[]>> params = entry.getParams();
            if (params.hasValue()) {
                for (String[] values : params.get().values()) {
                    combinations *= Math.max(1, values.length);
                }
            }
            count += combinations;
        }
        return count;
    }
}
