package designbench.results.table;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogScanner;

/**
 * Reads the HdrHistogram logs a suite's benchmark forks wrote ({@code <suite>-histograms/*.hlog} in the run folder,
 * nanoseconds, one tagged interval histogram per measured iteration), merges every interval histogram that carries
 * the same tag, and gives each matching row its percentiles.
 */
public final class HistogramLogs {
    private HistogramLogs() {
    }

    /**
     * The merged histogram per tag of every {@code .hlog} file in a folder; none when the folder does not exist.
     *
     * @throws IOException naming the file (as {@code <folder>/<file>}) when a log cannot be read, has a line that
     *                     is not HdrHistogram's log format, or holds an untagged histogram
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
            String shownAs = folder.getFileName() + "/" + log.getFileName();
            try (HistogramLogScanner scanner = new HistogramLogScanner(log.toFile())) {
                scanner.process(new TagMerger(byTag));
            } catch (FileNotFoundException e) {
                throw new IOException("cannot open the latency log " + shownAs + ": " + e.getMessage(), e);
            } catch (NoSuchElementException e) {
                throw new IOException("the latency log " + shownAs + " is not a valid HdrHistogram log: it ends in "
                        + "the middle of a line (was its fork killed while writing?)", e);
            } catch (RuntimeException e) {
                throw new IOException("the latency log " + shownAs + " is not a valid HdrHistogram log: it holds "
                        + e.getMessage(), e);
            }
        }
        return byTag;
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

    /**
     * Adds each interval histogram of one log to the merged histogram of its tag. HdrHistogram's own
     * HistogramLogReader stops silently at a line it cannot parse, which would drop the rest of a log unnoticed;
     * this handler makes every such line an error instead.
     */
    private record TagMerger(Map<String, Histogram> byTag) implements HistogramLogScanner.EventHandler {
        @Override
        public boolean onComment(String comment) {
            return false;
        }

        @Override
        public boolean onBaseTime(double secondsSinceEpoch) {
            return false;
        }

        @Override
        public boolean onStartTime(double secondsSinceEpoch) {
            return false;
        }

        @Override
        public boolean onHistogram(String tag, double timestamp, double length,
                                   HistogramLogScanner.EncodableHistogramSupplier lazyReader) {
            EncodableHistogram interval;
            try {
                interval = lazyReader.read();
            } catch (DataFormatException e) {
                throw new IllegalArgumentException("a histogram that does not decode: " + e.getMessage(), e);
            }
            if (tag == null || !(interval instanceof Histogram histogram)) {
                throw new IllegalArgumentException("an untagged or non-integer histogram");
            }
            // Auto-resizing, so that logs written with different highest trackable values still merge.
            byTag.computeIfAbsent(tag, t -> new Histogram(histogram.getNumberOfSignificantValueDigits()))
                    .add(histogram);
            return false;
        }

        @Override
        public boolean onException(Throwable error) {
            throw new IllegalArgumentException("a line that is not in the log format (" + error + ")", error);
        }
    }
}
