package designbench.runner.launch;

import designbench.contract.BenchmarkFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH output split in two: JMH's full text goes to the log file unchanged, and the console gets one progress line
 * per benchmark fork ("benchmark n of m, elapsed, remaining") and one result line per benchmark. It also notices
 * benchmarks that end without a score and records them, with the reason JMH printed, as {@link BenchmarkFailure}s.
 */
final class ProgressOutputFormat implements OutputFormat {
    private static final Pattern RUN_PROGRESS = Pattern.compile("^# Run progress: ");
    private static final Pattern FORK_FAILED = Pattern.compile("^<forked VM failed with exit code (-?\\d+)>");
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^(Exception in thread \\S+ )?([\\w$]+\\.)+[\\w$]*(Exception|Error)(: .*)?$");

    private final OutputFormat log;
    private final PrintStream console;
    private final String suite;
    private final int benchmarkCount;
    private final LongSupplier nanoClock;
    private final ForkWatchdog watchdog;
    private final long startNanos;
    private final List<BenchmarkFailure> failures = new ArrayList<>();
    private Map<String, String> extraParams = Map.of();

    private int startedCount;
    private BenchmarkParams running;
    private boolean runningEnded;
    private String failureReason;
    private boolean readingFailure;

    /**
     * @param benchmarkCount how many benchmark and parameter combinations the run will start, for "n of m"
     * @param nanoClock      source of elapsed time, injectable for tests
     * @param watchdog       told when each fork starts and ends, so it can end a hung one
     */
    ProgressOutputFormat(OutputFormat log, PrintStream console, String suite, int benchmarkCount,
                         LongSupplier nanoClock, ForkWatchdog watchdog) {
        this.log = log;
        this.console = console;
        this.suite = suite;
        this.benchmarkCount = benchmarkCount;
        this.nanoClock = nanoClock;
        this.watchdog = watchdog;
        this.startNanos = nanoClock.getAsLong();
    }

    /** Benchmarks that ended without a score so far. */
    synchronized List<BenchmarkFailure> failures() {
        return List.copyOf(failures);
    }

    /**
     * Row parameters that JMH does not know as parameters, added to labels and failure records of the runs that
     * follow: the thread kind and thread count of a swept benchmark.
     */
    synchronized void setExtraParams(Map<String, String> params) {
        extraParams = new LinkedHashMap<>(params);
    }

    /** Prints the closing line once every run of the suite is done. */
    synchronized void finish() {
        closeRunning();
        long unavailable = failures.stream().filter(BenchmarkFailure::unavailable).count();
        console.printf("[%s] finished %d benchmarks in %s: %d failed, %d unavailable here%n", suite, startedCount,
                formatDuration(nanoClock.getAsLong() - startNanos), failures.size() - unavailable, unavailable);
        console.flush();
    }

    @Override
    public synchronized void startBenchmark(BenchmarkParams benchParams) {
        closeRunning();
        running = benchParams;
        runningEnded = false;
        failureReason = null;
        readingFailure = false;
        startedCount++;
        log.startBenchmark(benchParams);
    }

    @Override
    public synchronized void endBenchmark(BenchmarkResult result) {
        watchdog.forkEnded();
        log.endBenchmark(result);
        if (running == null) {
            return;
        }
        runningEnded = true;
        if (result == null) {
            recordFailure();
        } else {
            Result<?> primary = result.getPrimaryResult();
            console.printf("[%s %d/%d] %-60s %s ± %s %s%n", suite, startedCount, benchmarkCount, label(running),
                    formatScore(primary.getScore()), formatScore(primary.getScoreError()), primary.getScoreUnit());
        }
        console.flush();
    }

    @Override
    public synchronized void endRun(Collection<RunResult> result) {
        closeRunning();
        log.endRun(result);
    }

    @Override
    public synchronized void println(String s) {
        log.println(s);
        watch(s);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    /** JMH reports failures as text; we keep the first line that names what went wrong. */
    private void watch(String line) {
        if (running == null || line == null) {
            return;
        }
        if (RUN_PROGRESS.matcher(line).find()) {
            watchdog.forkStarted();
            // JMH's own ETA covers one Runner invocation, and a thread sweep makes several; ours covers the suite.
            long elapsed = nanoClock.getAsLong() - startNanos;
            long done = Math.max(0, startedCount - 1);
            String remaining = done == 0 ? "unknown yet"
                    : "about " + formatDuration(elapsed / done * (benchmarkCount - done));
            console.printf("[%s %d/%d] %-60s elapsed %s, remaining %s%n", suite, startedCount, benchmarkCount,
                    label(running), formatDuration(elapsed), remaining);
            console.flush();
            return;
        }
        if (line.startsWith("<failure>")) {
            readingFailure = true;
            return;
        }
        Matcher forkFailed = FORK_FAILED.matcher(line);
        if (forkFailed.find()) {
            readingFailure = true;
            failureReason = "forked VM failed with exit code " + forkFailed.group(1);
            return;
        }
        if (readingFailure) {
            String firstLine = line.strip().lines().findFirst().orElse("");
            if (EXCEPTION_LINE.matcher(firstLine).matches()) {
                failureReason = failureReason == null || !failureReason.startsWith("forked VM failed")
                        ? firstLine
                        : failureReason + ": " + firstLine;
                readingFailure = false;
            }
        }
    }

    private void closeRunning() {
        if (running != null && !runningEnded) {
            recordFailure();
        }
        running = null;
    }

    private void recordFailure() {
        watchdog.forkEnded();
        String killed = watchdog.takeKillReason();
        String reason = killed != null ? killed
                : failureReason != null ? failureReason : "no score: JMH reported no result for it";
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : running.getParamsKeys()) {
            params.put(key, running.getParam(key));
        }
        params.putAll(extraParams);
        BenchmarkFailure failure = BenchmarkFailure.fromReason(running.getBenchmark(), params, reason);
        failures.add(failure);
        console.printf("[%s %d/%d] %-60s %s: %s%n", suite, startedCount, benchmarkCount, label(running),
                failure.unavailable() ? "unavailable" : "FAILED", failure.reason());
        runningEnded = true;
    }

    private String label(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        int classStart = benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1;
        StringBuilder label = new StringBuilder(benchmark.substring(classStart));
        for (String key : params.getParamsKeys()) {
            label.append(' ').append(key).append('=').append(params.getParam(key));
        }
        extraParams.forEach((key, value) -> {
            if (!params.getParamsKeys().contains(key)) { // a swept benchmark's threadKind is its own parameter
                label.append(' ').append(key).append('=').append(value);
            }
        });
        return label.toString();
    }

    private static String formatScore(double value) {
        return Double.isNaN(value) ? "NaN" : String.format("%.4g", value);
    }

    static String formatDuration(long nanos) {
        Duration duration = Duration.ofNanos(Math.max(0, nanos));
        return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }

    // The rest only forwards to JMH's own text format, which writes the log file.

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void flush() {
        log.flush();
        console.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
