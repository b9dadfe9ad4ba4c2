package designbench.runner.launch;

import designbench.contract.FailureLog;
import designbench.contract.HistogramTags;
import designbench.contract.Profile;
import designbench.contract.SuiteLaunch;
import designbench.contract.SuiteOptions;
import designbench.contract.ThreadSweep;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Runs one JMH suite inside the suite's own JVM (its benchmarks.jar on the class path) and leaves three files in
 * the output folder: {@code <suite>.json} (JMH's JSON), {@code <suite>.log} (JMH's full text output) and
 * {@code <suite>-failures.json}; plus {@code <suite>-histograms/}, the HdrHistogram logs of the benchmarks that
 * record latencies (the folder {@link HistogramTags#FOLDER_PROPERTY} names to each fork; it exists before the
 * first fork starts, and a suite that logged nothing leaves none). Exits 0 when JMH ran to the end, failed benchmarks
 * included: deciding what a failure means for the build is the caller's job, once everything that succeeded is
 * written.
 *
 * <p>A benchmark annotated {@code @Threads(Threads.MAX)} declares its thread count a dimension: it is run at each
 * of {@link #SWEEP_THREAD_COUNTS}, with each kind of JMH worker thread its {@code threadKind} parameter names
 * (see {@link ThreadSweep}).
 *
 * <p>A profile with a parameter subset (quick, standard) runs only the values the suite declares in
 * {@code META-INF/designbench/<profile>.properties} (see {@link ParameterSubset}).
 */
@Command(name = "jmh-suite", mixinStandardHelpOptions = true,
        description = "Runs one JMH suite with a duration profile and records results, log and failures.")
public final class JmhSuiteMain implements Callable<Integer> {
    /** Thread counts a swept benchmark runs at: 1, 2, 4, 8 and this machine's core count. */
    static final SortedSet<Integer> SWEEP_THREAD_COUNTS =
            new TreeSet<>(List.of(1, 2, 4, 8, Runtime.getRuntime().availableProcessors()));

    @Mixin
    SuiteOptions options;

    @Option(names = "--fail-on-purpose", defaultValue = "",
            description = "regex of benchmarks to fail on purpose, to check the failure path")
    String failOnPurpose;

    @Option(names = "--fork-jvm-arg", description = "extra JVM argument for every benchmark fork")
    List<String> forkJvmArgs = new ArrayList<>();

    private String suite;
    private Path outDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new JmhSuiteMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Profile profile = options.profile();
        suite = options.suite();
        outDir = options.out();
        String include = options.include();
        ParameterSubset subset = profile.parameterSubset()
                ? ParameterSubset.load(JmhSuiteMain.class.getClassLoader(), profile.name()) : ParameterSubset.none();
        subset.checkClasses(select(".*").stream().map(e -> e.getUserClassQName()
                .substring(e.getUserClassQName().lastIndexOf('.') + 1)).collect(Collectors.toSet()));
        SortedSet<BenchmarkListEntry> selected = select(include);
        boolean anySwept = selected.stream().anyMatch(JmhSuiteMain::isThreadSweep);
        SortedSet<Integer> threadCounts = anySwept ? subset.sweepThreads(SWEEP_THREAD_COUNTS) : SWEEP_THREAD_COUNTS;
        List<String> plain = new ArrayList<>();
        List<String> swept = new ArrayList<>();
        Map<String, List<String>> threadKinds = new LinkedHashMap<>();
        Map<String, Map<String, String[]>> params = new LinkedHashMap<>();
        int plainCount = 0;
        int sweptCount = 0;
        for (BenchmarkListEntry entry : selected) {
            Map<String, String[]> chosen = subset.paramsFor(entry);
            if (isThreadSweep(entry)) {
                // The kinds are the declared values, or those the profile chooses; each runs in its own forks,
                // so the kind is passed per executor below and is not one of the group's parameters.
                Map<String, String[]> declared = new LinkedHashMap<>(
                        entry.getParams().hasValue() ? entry.getParams().get() : Map.of());
                Map<String, String[]> perKind = new LinkedHashMap<>(chosen);
                String[] chosenKinds = perKind.remove(ThreadSweep.THREAD_KIND_PARAM);
                if (chosenKinds != null && declared.containsKey(ThreadSweep.THREAD_KIND_PARAM)) {
                    declared.put(ThreadSweep.THREAD_KIND_PARAM, chosenKinds);
                }
                List<String> kinds = threadKindsOf(entry.getUsername(), declared);
                swept.add(entry.getUsername());
                threadKinds.put(entry.getUsername(), kinds);
                params.put(entry.getUsername(), perKind);
                Map<String, String[]> oneKind = new LinkedHashMap<>(perKind);
                oneKind.put(ThreadSweep.THREAD_KIND_PARAM, new String[] {kinds.get(0)});
                sweptCount += combinations(entry, oneKind) * kinds.size();
            } else {
                params.put(entry.getUsername(), chosen);
                plain.add(entry.getUsername());
                plainCount += combinations(entry, chosen);
            }
        }
        int benchmarkCount = plainCount + sweptCount * threadCounts.size();
        if (benchmarkCount == 0) {
            System.out.printf("[%s] no benchmark matches '%s': skipped%n", suite, include);
            return SuiteLaunch.NOTHING_SELECTED;
        }
        Files.createDirectories(outDir);
        Path histograms = HistogramTags.folderOf(outDir.toAbsolutePath(), suite);
        Files.createDirectories(histograms);
        Path json = outDir.resolve(suite + ".json");
        Path log = outDir.resolve(suite + ".log");
        System.out.printf("[%s] %d benchmarks, profile %s; JMH's full output: %s%n",
                suite, benchmarkCount, profile.describe(), log);
        try {
            runAll(profile, new Selection(plain, swept, threadKinds, params, threadCounts), benchmarkCount, json,
                    log);
        } finally {
            deleteIfEmpty(histograms);
        }
        return 0;
    }

    /**
     * What to run: plain and swept benchmark names, the worker-thread kinds of each swept one, the parameter values
     * chosen per benchmark (empty: all of them) and the thread counts of the sweeps.
     */
    record Selection(List<String> plain, List<String> swept, Map<String, List<String>> threadKinds,
                     Map<String, Map<String, String[]>> params, SortedSet<Integer> threadCounts) {

        /** The swept benchmarks that run with worker threads of {@code kind}. */
        List<String> sweptWith(String kind) {
            return swept.stream().filter(name -> threadKinds.getOrDefault(name, ThreadSweep.THREAD_KINDS).contains(kind))
                    .toList();
        }

        /** The benchmarks of {@code names} grouped by identical parameter choices: one JMH run per group. */
        Map<Map<String, String[]>, List<String>> groups(List<String> names) {
            Map<String, Map<String, String[]>> keyToParams = new LinkedHashMap<>();
            Map<String, List<String>> keyToNames = new LinkedHashMap<>();
            for (String name : names) {
                Map<String, String[]> chosen = params.getOrDefault(name, Map.of());
                String key = chosen.entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                        .sorted().collect(Collectors.joining(";"));
                keyToParams.putIfAbsent(key, chosen);
                keyToNames.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
            }
            Map<Map<String, String[]>, List<String>> groups = new LinkedHashMap<>();
            keyToNames.forEach((key, group) -> groups.put(keyToParams.get(key), group));
            return groups;
        }
    }

    /** Runs the plain benchmarks, then the thread sweeps, and writes the JSON results and the failure records. */
    private void runAll(Profile profile, Selection selection, int benchmarkCount, Path json, Path log)
            throws Exception {
        List<String> plain = selection.plain();
        List<String> swept = selection.swept();
        List<RunResult> results = new ArrayList<>();
        long plannedForkMillis = (long) profile.warmupIterations() * profile.warmupMillis()
                + (long) profile.measurementIterations() * profile.measurementMillis();
        try (PrintStream logStream = new PrintStream(new FileOutputStream(log.toFile()), true,
                StandardCharsets.UTF_8);
             ForkWatchdog watchdog = new ForkWatchdog(ForkWatchdog.limitFor(plannedForkMillis), System::nanoTime)) {
            watchdog.start();
            OutputFormat logFormat = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
            ProgressOutputFormat progress = new ProgressOutputFormat(logFormat, System.out, suite, benchmarkCount,
                    System::nanoTime, watchdog);
            for (var group : selection.groups(plain).entrySet()) {
                ChainedOptionsBuilder options = options(profile, group.getValue(), List.of());
                group.getKey().forEach(options::param);
                results.addAll(new Runner(options.build(), progress).run());
            }
            for (String executor : swept.isEmpty() ? List.<String>of() : ThreadSweep.THREAD_KINDS) {
                for (int threads : selection.threadCounts()) {
                    progress.setExtraParams(ThreadSweep.rowParams(executor, threads));
                    for (var group : selection.groups(selection.sweptWith(executor)).entrySet()) {
                        ChainedOptionsBuilder options = options(profile, group.getValue(),
                                List.of(ThreadSweep.EXECUTOR_FLAG + executor)).threads(threads);
                        group.getKey().forEach(options::param);
                        options.param(ThreadSweep.THREAD_KIND_PARAM, executor);
                        if (executor.equals(ThreadSweep.VIRTUAL)) {
                            // JMH's iteration barrier spins its workers with Thread.yield(); with CPU-bound virtual
                            // workers it hung in about half of our forks at 8 threads (JMH 1.37, JDK 25), so
                            // virtual workers start and stop their iterations unsynchronised.
                            options.syncIterations(false);
                        }
                        results.addAll(new Runner(options.build(), progress).run());
                    }
                }
            }
            progress.finish();
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
            FailureLog.write(FailureLog.fileOf(outDir, suite), progress.failures());
        }
    }

    /** Removes the histogram folder of a suite whose benchmarks logged no latencies, so no empty folder is left. */
    private static void deleteIfEmpty(Path folder) throws IOException {
        boolean empty;
        try (Stream<Path> files = Files.list(folder)) {
            empty = files.findAny().isEmpty();
        }
        if (empty) {
            Files.delete(folder);
        }
    }

    private ChainedOptionsBuilder options(Profile profile, List<String> benchmarks, List<String> extraArgs) {
        List<String> jvmArgs = new ArrayList<>(forkJvmArgs);
        jvmArgs.addAll(extraArgs);
        jvmArgs.add("-D" + HistogramTags.FOLDER_PROPERTY + "=" + HistogramTags.folderOf(outDir.toAbsolutePath(), suite));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(exactly(benchmarks))
                .forks(profile.forks())
                .warmupIterations(profile.warmupIterations())
                .warmupTime(TimeValue.milliseconds(profile.warmupMillis()))
                .measurementIterations(profile.measurementIterations())
                .measurementTime(TimeValue.milliseconds(profile.measurementMillis()))
                .shouldFailOnError(false); // record the failure and go on with the rest of the suite
        if (!failOnPurpose.isBlank()) {
            jvmArgs.add("-D" + FailOnPurposeProfiler.PROPERTY + "=" + failOnPurpose);
            options.addProfiler(FailOnPurposeProfiler.class);
        }
        // jvmArgs, not jvmArgsAppend: JMH would otherwise copy this JVM's own flags too, and the forks' flags
        // would no longer be exactly the ones environment.json records.
        return options.jvmArgs(jvmArgs.toArray(String[]::new));
    }

    /** A regex that matches exactly these benchmark names and nothing else. */
    static String exactly(List<String> benchmarks) {
        return benchmarks.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(?:", ")$"));
    }

    /** {@code @Threads(Threads.MAX)} on a benchmark marks its thread count as a dimension to sweep. */
    private static boolean isThreadSweep(BenchmarkListEntry entry) {
        Optional<Integer> threads = entry.getThreads();
        return threads.hasValue() && threads.get() == Threads.MAX;
    }

    /**
     * The worker-thread kinds a swept benchmark runs with: the values of its {@code threadKind} parameter, in the
     * order of {@link #ThreadSweep.THREAD_KINDS}; a sweep without one, or with a value JMH's executor does not take, is
     * refused, so no row can leave its kind unsaid.
     *
     * @param params the benchmark's parameters and their declared values, as JMH lists them
     */
    static List<String> threadKindsOf(String benchmark, Map<String, String[]> params) {
        String[] declared = params.get(ThreadSweep.THREAD_KIND_PARAM);
        if (declared == null || declared.length == 0) {
            throw new IllegalStateException(benchmark + ": a thread sweep (@Threads(Threads.MAX)) declares @Param("
                    + "{...}) String " + ThreadSweep.THREAD_KIND_PARAM + " with the kinds of worker thread it runs on, "
                    + "from " + ThreadSweep.THREAD_KINDS);
        }
        for (String kind : declared) {
            if (!ThreadSweep.THREAD_KINDS.contains(kind)) {
                throw new IllegalStateException(benchmark + ": " + ThreadSweep.THREAD_KIND_PARAM + " '" + kind
                        + "' is not a JMH executor: use " + String.join(" or ", ThreadSweep.THREAD_KINDS));
            }
        }
        List<String> kinds = Arrays.asList(declared);
        return ThreadSweep.THREAD_KINDS.stream().filter(kinds::contains).toList();
    }

    /** The benchmarks the include pattern selects. */
    static SortedSet<BenchmarkListEntry> select(String include) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(
                new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(silent, List.of(include), List.of());
    }

    /**
     * How many parameter combinations JMH will run for one benchmark, for "n of m" progress: its own values, or
     * the chosen ones where {@code chosen} names a parameter.
     */
    static int combinations(BenchmarkListEntry entry, Map<String, String[]> chosen) {
        int combinations = 1;
        Optional<Map<String, String[]>> params = entry.getParams();
        if (params.hasValue()) {
            for (Map.Entry<String, String[]> param : params.get().entrySet()) {
                String[] values = chosen.getOrDefault(param.getKey(), param.getValue());
                combinations *= Math.max(1, values.length);
            }
        }
        return combinations;
    }
}
