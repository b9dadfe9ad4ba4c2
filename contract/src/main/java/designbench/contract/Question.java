package designbench.contract;

import java.util.Collection;
import java.util.Map;

/**
 * A design question and the benchmark class that answers it, declared by the suite that measures it (a
 * {@link QuestionSet}) and read by the results tables, which lay out its table from these facts.
 *
 * @param id             short stable name used for table anchors and CSV rows, e.g. "threads-start"
 * @param title          the question as a reader would ask it
 * @param benchmarkClass fully qualified class whose rows form this question's table
 * @param baselineParam  the parameter whose {@code baselineValue} rows are the reference, or null for none
 * @param baselineValue  the reference value of {@code baselineParam}
 * @param columnParam    a parameter whose values become the table's columns (a scaling table), or null for one
 *                       row per parameter set
 * @param readingNote    how to read the table: what the ratio means here, with the suite's own figures
 * @param baselineByValue for questions whose baseline depends on the row: the baseline value of
 *                        {@code baselineParam} for each of its values (rows with other values use
 *                        {@code baselineValue}); empty for one common baseline
 * @param bytesParam     a parameter holding bytes per operation, which adds an MB/s column to a throughput table;
 *                       null for none
 * @param referenceParam   the parameter that names a row's reference: {@code baselineParam} (the IPC tables) or
 *                         another (the proxy cache table's proxy, whose baseline is the hit ratio); null without
 *                         references
 * @param referenceByValue a second comparison beside the baseline: for each value of {@code referenceParam}, a regular
 *                         expression that the reference row's value matches as a whole, the row being otherwise the
 *                         same (the IPC tables: each Java transport's C counterpart, "C_TCP"; the proxy tables:
 *                         designbench's nginx, "nginx-[0-9.]+", whose version is the machine's); empty for none
 * @param referenceLabel   the heading of the reference ratio's column, e.g. "to C"; null without references
 * @param timeSeries     whether the rows are one run second by second, not alternatives to rank (no verdict names a
 *                       best row)
 */
public record Question(String id, String title, String benchmarkClass, String baselineParam, String baselineValue,
                       String columnParam, String readingNote, Map<String, String> baselineByValue,
                       String bytesParam, String referenceParam, Map<String, String> referenceByValue,
                       String referenceLabel, boolean timeSeries) {

    /** A question with one common baseline, no MB/s column and no reference ratio. */
    public Question(String id, String title, String benchmarkClass, String baselineParam, String baselineValue,
                    String columnParam, String readingNote) {
        this(id, title, benchmarkClass, baselineParam, baselineValue, columnParam, readingNote, Map.of(), null, null,
                Map.of(), null, false);
    }

    /** This question with a baseline per value of its baseline parameter. */
    public Question withBaselines(Map<String, String> byValue) {
        return new Question(id, title, benchmarkClass, baselineParam, baselineValue, columnParam, readingNote,
                Map.copyOf(byValue), bytesParam, referenceParam, referenceByValue, referenceLabel, timeSeries);
    }

    /** This question with an MB/s column from the bytes per operation in parameter {@code param}. */
    public Question withBytesParam(String param) {
        return new Question(id, title, benchmarkClass, baselineParam, baselineValue, columnParam, readingNote,
                baselineByValue, param, referenceParam, referenceByValue, referenceLabel, timeSeries);
    }

    /** This question with a second ratio, to the reference row named for each baseline-parameter value. */
    public Question withReferences(Map<String, String> byValue, String label) {
        return withReferences(baselineParam, byValue, label);
    }

    /**
     * This question with a second ratio: a row whose {@code param} has a value of {@code byValue} is compared with the
     * row that is the same but for {@code param}, whose value matches the regular expression given for it.
     */
    public Question withReferences(String param, Map<String, String> byValue, String label) {
        return new Question(id, title, benchmarkClass, baselineParam, baselineValue, columnParam, readingNote,
                baselineByValue, bytesParam, param, Map.copyOf(byValue), label, timeSeries);
    }

    /**
     * Whether the row with {@code candidate} parameters is the reference of the row with {@code row} parameters:
     * the same parameters but {@link #referenceParam()}, whose value matches the row's reference pattern.
     */
    public boolean isReference(Map<String, String> row, Map<String, String> candidate) {
        String value = referenceParam == null ? null : row.get(referenceParam);
        String pattern = value == null ? null : referenceByValue.get(value);
        String candidateValue = pattern == null ? null : candidate.get(referenceParam);
        if (candidateValue == null || !candidateValue.matches(pattern) || candidate.size() != row.size()) {
            return false;
        }
        return row.entrySet().stream().allMatch(e -> e.getKey().equals(referenceParam)
                || e.getValue().equals(candidate.get(e.getKey())));
    }

    /** This question as a time series: its rows are the seconds of one run. */
    public Question asTimeSeries() {
        return new Question(id, title, benchmarkClass, baselineParam, baselineValue, columnParam, readingNote,
                baselineByValue, bytesParam, referenceParam, referenceByValue, referenceLabel, true);
    }

    /** Whether rows have a second ratio, to a reference row named by {@link #referenceByValue()}. */
    public boolean hasReference() {
        return !referenceByValue.isEmpty();
    }

    /** The value of {@link #baselineParam()} that is the baseline for a row having {@code value}. */
    public String baselineValueFor(String value) {
        return baselineByValue.getOrDefault(value, baselineValue);
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
                baselineByValue, bytesParam, referenceParam, referenceByValue, referenceLabel, timeSeries);
    }

    /** "threadKind=PLATFORM", "its transport baseline" when the baseline depends on the row, or "none". */
    public String baselineLabel() {
        if (!hasBaseline()) {
            return "none";
        }
        return baselineByValue.isEmpty() ? baselineParam + "=" + baselineValue : "its " + baselineParam + " baseline";
    }
}
