package designbench.runner.launch;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * Makes chosen benchmarks fail on purpose, so that the failure path (a marked row, a non-zero exit) can be
 * checked on a real run. Attached only when {@code -Dbench.failOnPurpose=REGEX} is given; it runs inside the
 * benchmark fork, where JMH turns its exception into an ordinary benchmark failure.
 */
public final class FailOnPurposeProfiler implements InternalProfiler {
    /** System property, set on the forks, holding the regex of benchmark names to fail. */
    public static final String PROPERTY = "designbench.failOnPurpose";
    /** The start of the message of the exception thrown, so a reader of the tables can tell it apart. */
    public static final String MESSAGE = "deliberate failure requested by bench.failOnPurpose";

    private final Pattern benchmarksToFail = Pattern.compile(System.getProperty(PROPERTY, "a^"));

    @Override
    public String getDescription() {
        return "fails the benchmarks matching -D" + PROPERTY + " on purpose";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (benchmarksToFail.matcher(benchmarkParams.getBenchmark()).find()) {
            throw new IllegalStateException(MESSAGE + " (" + benchmarksToFail.pattern() + ")");
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        return List.of();
    }
}
