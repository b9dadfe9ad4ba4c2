package designbench.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a load-run suite (the proxy scenarios): a configuration and what its load runs measured. The suite
 * writes its rows to {@code <suite>-rows.json} ({@link #fileOf}) and results reads them with {@link #read}; the
 * format is designbench's own, a JSON list of these records (field names as below, NaN never written: a value that
 * was not measured is null). Each row's latencies are in the suite's histogram folder, tagged as
 * {@link HistogramTags} says; rows that could not be measured are in its {@link FailureLog}.
 *
 * @param benchmark       {@code <scenario class>.run}, or a second name the scenario answers beside it
 * @param params          the configuration, in table order
 * @param higherIsBetter  whether a higher score is better (a rate) or worse (a time, a count of fetches)
 * @param score           the row's figure, in {@code unit}; for a row of two or more load runs, their median rate
 * @param unit            what the score counts, e.g. {@code req/s}
 * @param loadRuns        how many load runs the row stands for (1 for a single run, a second of one, a burst)
 * @param repetitionRates each load run's achieved rate (req/s) in run order, when there are two or more; else empty
 * @param measuredSeconds the measured time of one load run
 * @param warmupSeconds   the warm-up before each load run, or null when the row is not a warmed load run
 * @param offeredRate     the rate the generator was asked for (req/s); 0 for a closed loop
 * @param errors          errors the clients saw, summed over the load runs
 * @param hitRatio        the share of responses saying {@code X-Cache: HIT}, over all load runs; null when none said
 */
public record LoadRunRow(String benchmark, Map<String, String> params, boolean higherIsBetter, double score,
                         String unit, int loadRuns, List<Double> repetitionRates, double measuredSeconds,
                         Double warmupSeconds, double offeredRate, long errors, Double hitRatio) {
    /** The end of a load-run suite's rows file name. */
    public static final String FILE_SUFFIX = "-rows.json";

    public LoadRunRow {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params)); // in table order, unlike Map.copyOf
        repetitionRates = List.copyOf(repetitionRates);
        if (loadRuns < 1) {
            throw new IllegalArgumentException(benchmark + " " + params + ": a row stands for at least one load run");
        }
        if (!repetitionRates.isEmpty() && repetitionRates.size() != loadRuns) {
            throw new IllegalArgumentException(benchmark + " " + params + ": " + repetitionRates.size()
                    + " rates for " + loadRuns + " load runs");
        }
        if (Double.isNaN(score) || (hitRatio != null && hitRatio.isNaN())) {
            throw new IllegalArgumentException(benchmark + " " + params + ": NaN is not a measured value");
        }
    }

    /** {@code <suite>-rows.json} in a suite's output folder. */
    public static Path fileOf(Path outDir, String suite) {
        return outDir.resolve(suite + FILE_SUFFIX);
    }

    /** Writes the rows, in the order given (possibly none). */
    public static void write(Path file, List<LoadRunRow> rows) throws IOException {
        JsonLists.write(file, rows);
    }

    /** Reads a file written by {@link #write}; a missing or malformed file is an error, never an empty list. */
    public static List<LoadRunRow> read(Path file) throws IOException {
        return JsonLists.read(file, new TypeReference<>() { }, "load-run rows");
    }
}
