package designbench.results.write;

import designbench.results.answer.AnswerRow;
import designbench.results.scale.UslFit;
import designbench.results.table.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Performance or scalability, below a throughput-by-concurrency table: per series (one variant across the sweep)
 * the Universal Scalability Law's coefficients, where throughput peaks, the goodness of fit, and the verdict in the
 * design note's terms. A series slow already at concurrency 1 against the best series is performance-bound; one
 * whose fitted throughput peaks inside the measured range, or whose contention caps its speed-up below it, is
 * scalability-bound. Both can hold.
 */
public final class UslTable {
    /** A series slower than this share of the best series at N=1 is performance-bound. */
    static final double PERFORMANCE_BOUND = 0.5;

    private UslTable() {
    }

    /** The points of one series, {N, X}, under its label. */
    public static final class Series {
        final String label;
        final List<double[]> points = new ArrayList<>();

        Series(String label) {
            this.label = label;
        }
    }

    /** Collects points by series label, in order of first appearance. */
    public static final class Builder {
        private final Map<String, Series> series = new LinkedHashMap<>();

        public Builder add(String label, double concurrency, double throughput) {
            series.computeIfAbsent(label, Series::new).points.add(new double[] {concurrency, throughput});
            return this;
        }

        public List<Series> build() {
            return List.copyOf(series.values());
        }
    }

    /**
     * The table of a question's throughput rows: one series per benchmark and its parameters other than
     * {@code column}, whose numeric value is the concurrency; the unit is the rows'.
     */
    public static void appendTo(StringBuilder out, List<AnswerRow> rows, String column, int logicalCores) {
        Builder series = new Builder();
        String unit = "";
        for (AnswerRow row : rows) {
            Map<String, String> others = new LinkedHashMap<>(row.params());
            double concurrency = number(others.remove(column));
            if (!"thrpt".equals(row.key().mode()) || Double.isNaN(concurrency)) {
                continue;
            }
            series.add(row.key().benchmark() + " " + others.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")), concurrency,
                    row.score());
            unit = row.unit();
        }
        appendTo(out, series.build(), column, unit, logicalCores);
    }

    private static double number(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    /** The table, with a heading naming the concurrency parameter and the unit; "" when there are no series. */
    public static void appendTo(StringBuilder out, List<Series> series, String concurrencyName, String unit,
                                int logicalCores) {
        if (series.isEmpty()) {
            return;
        }
        double bestAtOne = 0;
        String bestLabel = "";
        for (Series s : series) {
            double atOne = atOne(s);
            if (atOne > bestAtOne) {
                bestAtOne = atOne;
                bestLabel = s.label;
            }
        }
        out.append("\nPerformance or scalability: the Universal Scalability Law X(N) = λN / (1 + σ(N−1) + κN(N−1)) "
                + "fitted to each series' throughput by ").append(concurrencyName).append(" (least squares, ")
                .append(unit).append("); σ is contention, κ coherency, N* = √((1−σ)/κ) the ").append(concurrencyName)
                .append(" of peak throughput (∞ when κ is 0: throughput then only levels off, and the peak shown is ")
                .append("that level, λ/σ).");
        if ("threads".equals(concurrencyName) && logicalCores < 8) {
            out.append(" This machine has ").append(logicalCores).append(" cores: points beyond them measure "
                    + "oversubscription, not parallel hardware, so read the fit as this machine's curve only.");
        }
        out.append("\n\n");
        MarkdownTable table = new MarkdownTable(List.of("series", "points", "λ", "σ", "κ", "N*", "peak X", "R²",
                "verdict"));
        for (Series s : series) {
            UslFit.Outcome outcome = UslFit.fit(s.points);
            String performance = performance(s, bestAtOne, bestLabel);
            if (!outcome.fitted()) {
                table.row(List.of(s.label, String.valueOf(s.points.size()), "", "", "", "", "", "",
                        outcome.refusal() + performance));
                continue;
            }
            UslFit fit = outcome.fit();
            double peak = fit.peakConcurrency();
            table.row(List.of(s.label, String.valueOf(fit.points()), Numbers.format(fit.lambda()),
                    UslFit.significant(fit.sigma()), UslFit.significant(fit.kappa()),
                    Double.isInfinite(peak) ? "∞" : String.format(Locale.ROOT, "%.0f", peak),
                    Double.isInfinite(fit.peakThroughput()) ? "∞" : Numbers.format(fit.peakThroughput()),
                    String.format(Locale.ROOT, "%.3f", fit.rSquared()), fit.scalingVerdict() + performance));
        }
        table.appendTo(out);
    }

    private static double atOne(Series s) {
        return s.points.stream().filter(p -> p[0] == 1).mapToDouble(p -> p[1]).max().orElse(Double.NaN);
    }

    private static String performance(Series s, double bestAtOne, String bestLabel) {
        double atOne = atOne(s);
        if (Double.isNaN(atOne) || bestAtOne <= 0 || s.label.equals(bestLabel)) {
            return "";
        }
        double ratio = atOne / bestAtOne;
        return ratio < PERFORMANCE_BOUND ? String.format(Locale.ROOT, "; performance-bound: at 1 it does %.2f× the "
                + "best series' (%s)", ratio, bestLabel) : "";
    }
}
