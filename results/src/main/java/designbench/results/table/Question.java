package designbench.results.table;

import java.util.Collection;
import java.util.Map;

/**
 * A design question and the benchmark class that answers it.
 *
 * @param id             short stable name used for table anchors and CSV rows, e.g. "threads-start"
 * @param title          the question as a reader would ask it
 * @param benchmarkClass fully qualified JMH class whose rows form this question's table
 * @param baselineParam  the parameter whose {@code baselineValue} rows are the reference, or null for none
 * @param baselineValue  the reference value of {@code baselineParam}
 * @param columnParam    a parameter whose values become the table's columns (a scaling table), or null for one
 *                       row per parameter set
 * @param readingNote    one sentence on how to read the table: what the ratio means here
 * @param baselineByValue for questions whose baseline depends on the row: the baseline value of
 *                        {@code baselineParam} for each of its values (rows with other values use
 *                        {@code baselineValue}); empty for one common baseline
 * @param bytesParam     a parameter holding bytes per operation, which adds an MB/s column to a throughput table;
 *                       null for none
 * @param referenceByValue a second comparison beside the baseline: for each value of {@code baselineParam}, the value
 *                         whose row is its reference (the IPC tables: each Java transport's C counterpart); empty
 *                         for none
 * @param referenceLabel   the heading of the reference ratio's column, e.g. "to C"; null without references
 */
public record Question(String id, String title, String benchmarkClass, String baselineParam, String baselineValue,
                       String columnParam, String readingNote, Map<String, String> baselineByValue,
                       String bytesParam, Map<String, String> referenceByValue, String referenceLabel) {

    /** A question with one common baseline and no MB/s column. */
    public Question(String id, String title, String benchmarkClass, String baselineParam, String baselineValue,
                    String columnParam, String readingNote) {
        this(id, title, benchmarkClass, baselineParam, baselineValue, columnParam, readingNote, Map.of(), null,
                Map.of(), null);
    }

    /** Whether rows have a second ratio, to a reference row named by {@link #referenceByValue()}. */
    public boolean hasReference() {
        return !referenceByValue.isEmpty();
    }

    /** The value of {@link #baselineParam()} that is the baseline for a row having {@code value}. */
    public String baselineValueFor(String value) {
        return baselineByValue.getOrDefault(value, baselineValue);
    }

    /**
     * Payload megabytes (10^6 bytes) per second for a row of a throughput table with a {@link #bytesParam()}, or NaN
     * when the row has no such figure.
     */
    public double megabytesPerSecond(Measurement row) {
        if (bytesParam == null || row.failed() || !"ops/s".equals(row.unit())
                || !row.params().containsKey(bytesParam)) {
            return Double.NaN;
        }
        return row.score() * Double.parseDouble(row.params().get(bytesParam)) / 1e6;
    }

    /** Whether this question names a baseline to compute ratios against. */
    public boolean hasBaseline() {
        return baselineParam != null;
    }

    /** Whether this question's table has one column per value of {@link #columnParam()}. */
    public boolean isScalingTable() {
        return columnParam != null;
    }

    /**
     * This question as rows with these parameters can show it: a scaling table only when some row has the column
     * parameter. Runs made before a question became a sweep (ipc-request-response's, at one connection count) have
     * none, and keep the flat table they were made for.
     */
    public Question shownFor(Collection<Map<String, String>> rowParams) {
        if (!isScalingTable() || rowParams.stream().anyMatch(params -> params.containsKey(columnParam))) {
            return this;
        }
        return new Question(id, title, benchmarkClass, baselineParam, baselineValue, null, readingNote,
                baselineByValue, bytesParam, referenceByValue, referenceLabel);
    }

    /** "threadKind=PLATFORM", "its transport baseline" when the baseline depends on the row, or "none". */
    public String baselineLabel() {
        if (!hasBaseline()) {
            return "none";
        }
        return baselineByValue.isEmpty() ? baselineParam + "=" + baselineValue : "its " + baselineParam + " baseline";
    }
}
