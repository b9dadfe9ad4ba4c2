package designbench.results.table;

import designbench.contract.LoadRunRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A load-run suite's rows ({@link LoadRunRow}, the proxy scenarios') as the tables' {@link Measurement}s: mode
 * {@code thrpt} for a rate and {@code avgt} for a figure where lower is better (so that they sort and rank like
 * JMH's rows), the error half the range of the repetitions' rates where there are two or more, and the offered rate,
 * errors and hit ratio as the secondary columns ({@link Measurement#SCENARIO_METRICS}).
 */
public final class LoadRunRows {
    private LoadRunRows() {
    }

    public static List<Measurement> measurements(List<LoadRunRow> rows) {
        return rows.stream().map(LoadRunRows::measurement).toList();
    }

    static Measurement measurement(LoadRunRow row) {
        double[] rates = row.repetitionRates().stream().mapToDouble(Double::doubleValue).toArray();
        double error = rates.length >= 2
                ? (Arrays.stream(rates).max().orElseThrow() - Arrays.stream(rates).min().orElseThrow()) / 2
                : Double.NaN;
        Map<String, Double> secondary = new LinkedHashMap<>();
        secondary.put("offered", row.offeredRate());
        secondary.put("errors", (double) row.errors());
        secondary.put("hitRatio", row.hitRatio() == null ? Double.NaN : row.hitRatio());
        return Measurement.measured(row.benchmark(), mode(row), row.params(), row.score(), error, row.unit())
                .withSecondary(secondary)
                .withRunLength(RunLength.ofLoadRuns(row.loadRuns(), row.measuredSeconds(), row.warmupSeconds()));
    }

    /** Per row, its repetitions' rates as one sample list (all ran against the same server processes). */
    public static Map<RawSamples.Key, List<double[]>> samples(List<LoadRunRow> rows) {
        Map<RawSamples.Key, List<double[]>> samples = new LinkedHashMap<>();
        for (LoadRunRow row : rows) {
            double[] rates = row.repetitionRates().stream().mapToDouble(Double::doubleValue).toArray();
            Measurement m = measurement(row);
            samples.put(new RawSamples.Key(m.shortName(), m.mode(), m.paramsLabel()),
                    rates.length == 0 ? List.of() : List.of(rates));
        }
        return samples;
    }

    private static String mode(LoadRunRow row) {
        return row.higherIsBetter() ? "thrpt" : "avgt";
    }
}
