package designbench.ipc;

import designbench.contract.HistogramTags;
import designbench.contract.ThreadSweep;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Records the latency of every operation of the measured iterations into an HdrHistogram and writes one interval
 * histogram per iteration in HdrHistogram's log format, so the results tables can report percentiles next to JMH's
 * mean and the distributions can be merged and plotted later. The log goes to the folder named by the system
 * property {@value HistogramTags#FOLDER_PROPERTY} (the run folder's {@code <suite>-histograms}); without it nothing is written.
 *
 * <p>Each histogram is tagged as {@link HistogramTags#of} says, with the row's parameters (a thread sweep's
 * included, {@link ThreadSweep#forkRowParams}), which is how the tables find the row it belongs to. One log per JMH
 * thread, so threads never share a writer.
 */
final class LatencyLog implements AutoCloseable {
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
    private final HistogramLogWriter writer;
    private final String tag;
    private boolean measuring;
    private long iterationStartMillis;

    private LatencyLog(HistogramLogWriter writer, String tag) {
        this.writer = writer;
        this.tag = tag;
    }

    /** A log for the calling JMH thread of this benchmark run. */
    static LatencyLog open(BenchmarkParams params) {
        String tag = tagOf(params);
        String dir = System.getProperty(HistogramTags.FOLDER_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return new LatencyLog(null, tag);
        }
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.',
                params.getBenchmark().lastIndexOf('.') - 1) + 1);
        Path file = Path.of(dir, method + "-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId() + ".hlog");
        try {
            Files.createDirectories(file.getParent());
            HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
            writer.outputComment("designbench " + tag + "; values in nanoseconds");
            writer.outputLogFormatVersion();
            writer.outputStartTime(System.currentTimeMillis());
            writer.outputLegend();
            return new LatencyLog(writer, tag);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot write the latency log " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
    }

    /** "designbench.ipc.PingPongBench.roundTrip?messageBytes=64&peer=PROCESS&...": the row's tag. */
    static String tagOf(BenchmarkParams params) {
        Map<String, String> own = new LinkedHashMap<>();
        for (String key : params.getParamsKeys()) {
            own.put(key, params.getParam(key));
        }
        return HistogramTags.of(params.getBenchmark(), ThreadSweep.forkRowParams(own, params.getThreads()));
    }

    /** Call from {@code @Setup(Level.Iteration)}: records only during measured iterations. */
    void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        histogram.reset();
        iterationStartMillis = System.currentTimeMillis();
    }

    void record(long nanos) {
        if (measuring) {
            histogram.recordValue(Math.min(nanos, HIGHEST_NANOS));
        }
    }

    /** Call from {@code @TearDown(Level.Iteration)}: writes the iteration's histogram if it was measured. */
    void endIteration() {
        if (measuring && writer != null) {
            histogram.setStartTimeStamp(iterationStartMillis);
            histogram.setEndTimeStamp(System.currentTimeMillis());
            histogram.setTag(tag);
            writer.outputIntervalHistogram(histogram);
        }
        measuring = false;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
