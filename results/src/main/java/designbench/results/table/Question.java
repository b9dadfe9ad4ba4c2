package designbench.results.table;

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
 */
public record Question(String id, String title, String benchmarkClass, String baselineParam, String baselineValue,
                       String columnParam, String readingNote) {

    /** Whether this question names a baseline to compute ratios against. */
    public boolean hasBaseline() {
        return baselineParam != null;
    }

    /** Whether this question's table has one column per value of {@link #columnParam()}. */
    public boolean isScalingTable() {
        return columnParam != null;
    }

    /** "threadKind=PLATFORM", or "none". */
    public String baselineLabel() {
        return hasBaseline() ? baselineParam + "=" + baselineValue : "none";
    }
}
