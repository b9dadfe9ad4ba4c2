package designbench.results.table;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads the HdrHistogram logs a suite's benchmarks wrote ({@code <suite>-histograms/*.hlog}), merges every interval
 * histogram that carries the same tag, and gives each matching row its percentiles.
 */
public final class HistogramLogs {
    private HistogramLogs() {
    }

    /** The folder a suite's forks write their logs into, inside the run folder. */
    public static Path folderOf(Path runDir, String suite) {
        return runDir.resolve(suite + "-histograms");
    }

    /**
     * The merged histogram per tag of every {@code .hlog} file in a folder; none when the folder does not exist.
     *
     * @throws IOException naming the file, when a log cannot be read or holds an untagged histogram
     */
    public static Map<String, Histogram> read(Path folder) throws IOException {
        Map<String, Histogram> byTag = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return byTag;
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.filter(f -> f.getFileName().toString().endsWith(".hlog")).sorted().toList();
        }
        for (Path log : logs) {
            readOne(log, byTag);
        }
        return byTag;
    }

    private static void readOne(Path log, Map<String, Histogram> byTag) throws IOException {
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(log.toFile());
        } catch (FileNotFoundException e) {
            throw new IOException("cannot read the latency log " + log, e);
        }
        try {
            for (EncodableHistogram interval; (interval = reader.nextIntervalHistogram()) != null; ) {
                if (!(interval instanceof Histogram histogram) || interval.getTag() == null) {
                    throw new IOException("the latency log " + log + " holds an untagged or non-integer histogram");
                }
                byTag.computeIfAbsent(interval.getTag(), tag -> new Histogram(histogram.getHighestTrackableValue(),
                        histogram.getNumberOfSignificantValueDigits())).add(histogram);
            }
        } catch (RuntimeException e) {
            // HdrHistogram reports a corrupt line with an unchecked exception: say which file it was.
            throw new IOException("the latency log " + log + " is not a valid HdrHistogram log: " + e, e);
        } finally {
            reader.close();
        }
    }

    /** The rows, each with the percentiles of the histograms tagged for it (rows without any are unchanged). */
    public static List<Measurement> attach(List<Measurement> rows, Map<String, Histogram> byTag) {
        List<Measurement> attached = new ArrayList<>(rows.size());
        for (Measurement row : rows) {
            Histogram histogram = row.failed() ? null : byTag.get(row.histogramTag());
            attached.add(histogram == null ? row : row.withLatencies(LatencyPercentiles.of(histogram)));
        }
        return attached;
    }
}
