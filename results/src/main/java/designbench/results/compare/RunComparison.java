package designbench.results.compare;

import designbench.contract.Conditions;
import designbench.contract.Environment;
import designbench.results.table.Measurement;
import designbench.results.table.RawSamples;
import designbench.results.table.Sampled;
import designbench.results.table.Significance;
import designbench.results.write.ResultsIndexWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Run B against run A, row by row, as benchstat compares two sets of Go benchmark results: for every row both runs
 * measured, the change of the score, and the p-value of a two-sided Mann–Whitney U test (commons-math3) on the
 * rows' measured iterations (or fork means, see {@link Sampled}). A row counts as changed only when p &lt; 0.05 and
 * the change is at least the noise threshold; otherwise it reads {@code ~}. Rows with fewer than
 * {@value #MIN_SAMPLES} samples on a side get no p-value and say so.
 */
public final class RunComparison {
    public static final double ALPHA = Significance.ALPHA;
    static final int MIN_SAMPLES = Significance.MIN_SAMPLES;

    /** A run folder and what it says about itself. */
    public record Run(Path folder, Environment environment, Map<RawSamples.Key, CSVRecord> rows,
                      Map<RawSamples.Key, List<double[]>> samples) {
        public String label() {
            return environment.machineId() + "/" + environment.run().runId();
        }
    }

    /** One compared row. {@code p} is NaN when there were too few samples. */
    public record Row(String question, RawSamples.Key key, String unit, boolean higherIsBetter, double a, double b,
                      double p, Sampled samplesA, Sampled samplesB, String verdict) {
        public double ratio() {
            return b / a;
        }

        /**
         * Half-width of an approximate 95 % interval of the change B / A − 1, in %, from the two sides' samples by
         * the delta method: 1.96 × ratio × √((se_A / mean_A)² + (se_B / mean_B)²), with se the standard error of
         * the samples' mean; NaN when a side has fewer than 2 samples.
         */
        public double changeHalfWidthPercent() {
            if (samplesA.n() < 2 || samplesB.n() < 2) {
                return Double.NaN;
            }
            double relativeA = relativeStandardError(samplesA.values());
            double relativeB = relativeStandardError(samplesB.values());
            return 100 * 1.96 * ratio() * Math.sqrt(relativeA * relativeA + relativeB * relativeB);
        }

        private static double relativeStandardError(double[] values) {
            double mean = Arrays.stream(values).average().orElse(Double.NaN);
            return Math.sqrt(Sampled.variance(values) / values.length) / mean;
        }
    }

    /** The comparison: both runs, the rows, and the geometric mean of B/A per question. */
    public record Result(Run a, Run b, List<Row> rows, Map<String, Double> geometricMeans, double noise) {
        public boolean sameJdk() {
            return a.environment().jvm().runtimeVersion().equals(b.environment().jvm().runtimeVersion());
        }

        public boolean sameMachine() {
            return a.environment().machineId().equals(b.environment().machineId());
        }
    }

    private RunComparison() {
    }

    public static Result compare(Run a, Run b, double noise) {
        List<Row> rows = new ArrayList<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (Map.Entry<RawSamples.Key, CSVRecord> entry : a.rows().entrySet()) {
            CSVRecord ra = entry.getValue();
            CSVRecord rb = b.rows().get(entry.getKey());
            if (rb == null || !"OK".equals(ra.get("status")) || !"OK".equals(rb.get("status"))
                    || !ra.get("unit").equals(rb.get("unit"))) {
                continue;
            }
            double sa = Double.parseDouble(ra.get("score"));
            double sb = Double.parseDouble(rb.get("score"));
            if (!(sa > 0) || !(sb > 0)) {
                continue;
            }
            boolean higher = Measurement.higherIsBetter(entry.getKey().mode());
            Sampled xa = Sampled.of(a.samples().getOrDefault(entry.getKey(), List.of()));
            Sampled xb = Sampled.of(b.samples().getOrDefault(entry.getKey(), List.of()));
            double p = Significance.pValue(xa, xb);
            String verdict = Significance.change(sa, sb, p, higher, noise);
            rows.add(new Row(ra.get("question"), entry.getKey(), ra.get("unit"), higher, sa, sb, p, xa, xb, verdict));
            ratios.computeIfAbsent(ra.get("question"), q -> new ArrayList<>()).add(sb / sa);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(a.label() + " and " + b.label() + " have no measured row in common: "
                    + "nothing to compare");
        }
        Map<String, Double> geometric = new LinkedHashMap<>();
        ratios.forEach((q, list) -> geometric.put(q,
                Math.exp(list.stream().mapToDouble(Math::log).average().orElse(0))));
        return new Result(a, b, rows, geometric, noise);
    }

    /** Calibrations of two runs differ when their figures differ by more than this, or twice a run's own spread. */
    static final double CALIBRATION_NOISE = 0.10;

    /**
     * A sentence naming the calibration figures that differ between two runs beyond noise (more than
     * {@value #CALIBRATION_NOISE} of their mean, or twice the larger start-to-end spread within one run), or null
     * when they agree or either run did not record one.
     */
    public static String calibrationDifference(Conditions a, Conditions b) {
        if (a == null || b == null || a.start() == null || b.start() == null) {
            return null;
        }
        double within = Math.max(a.calibrationSpread(), b.calibrationSpread());
        double threshold = Math.max(CALIBRATION_NOISE, Double.isNaN(within) ? 0 : 2 * within);
        List<String> differ = new ArrayList<>();
        double cpu = b.calibration().cpuLoopMillis() / a.calibration().cpuLoopMillis();
        double wakeup = b.calibration().wakeupRoundTripMicros() / a.calibration().wakeupRoundTripMicros();
        if (Math.abs(cpu - 1) > threshold) {
            differ.add(String.format(Locale.ROOT, "the CPU loop took %.2f× as long in B", cpu));
        }
        if (Math.abs(wakeup - 1) > threshold) {
            differ.add(String.format(Locale.ROOT, "the thread wake-up round trip took %.2f× as long in B", wakeup));
        }
        if (differ.isEmpty()) {
            return null;
        }
        return String.join(" and ", differ) + String.format(Locale.ROOT, " (beyond the %.0f %% these figures vary "
                + "within a run), so a difference between the runs may be the host's, not the code's.", 100 * threshold);
    }

    /** Loads a finished run folder: its environment, its summary.csv rows and its JMH files' iterations. */
    public static Run load(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve("summary.csv")) || !Files.isRegularFile(
                folder.resolve(Environment.FILE_NAME))) {
            throw new IllegalArgumentException(folder + " is not a finished run folder (no summary.csv and "
                    + "environment.json)");
        }
        Environment env = ResultsIndexWriter.readEnvironment(folder);
        Map<RawSamples.Key, CSVRecord> rows = new LinkedHashMap<>();
        for (CSVRecord row : ResultsIndexWriter.readSummaryRows(folder)) {
            rows.putIfAbsent(new RawSamples.Key(row.get("benchmark"), row.get("mode"), row.get("params")), row);
        }
        Map<RawSamples.Key, List<double[]>> samples = RawSamples.readFolder(folder);
        return new Run(folder, env, rows, samples);
    }
}
