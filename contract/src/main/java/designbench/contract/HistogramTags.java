package designbench.contract;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a suite's latency histograms find their rows: the folder the benchmark forks write their HdrHistogram logs
 * into, and the tag each histogram carries, {@code <benchmark>?<param>=<value>&...} with the parameters sorted by
 * name. A suite tags with {@link #of} what the results module looks up with {@link #of} for each row.
 */
public final class HistogramTags {
    /** The system property that tells a benchmark fork the absolute path of the folder its logs go into. */
    public static final String FOLDER_PROPERTY = "designbench.histograms";
    /** The end of a histogram folder's name. */
    public static final String FOLDER_SUFFIX = "-histograms";

    private HistogramTags() {
    }

    /** The folder a suite's logs go into, inside its output folder: {@code ipc-histograms} for ipc. */
    public static Path folderOf(Path outDir, String suite) {
        return outDir.resolve(suite + FOLDER_SUFFIX);
    }

    /**
     * "designbench.ipc.PingPongBench.roundTrip?messageBytes=64&peer=PROCESS&...": a row's benchmark and every
     * parameter of the row (the sweep's too, see {@link ThreadSweep#rowParams}); no commas or spaces.
     */
    public static String of(String benchmark, Map<String, String> params) {
        return benchmark + "?" + new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
