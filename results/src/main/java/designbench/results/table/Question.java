package designbench.results.table;

/**
 * A design question and the benchmark class that answers it.
 *
 * @param id             short stable name used for table anchors and CSV rows, e.g. "threads-start"
 * @param title          the question as a reader would ask it
 * @param benchmarkClass fully qualified JMH class whose rows form this question's table
 * @param baselineParam  the parameter whose {@code baselineValue} rows are the reference, or null for none
 * @param baselineValue  the reference value of {@code baselineParam}
 * @param readingNote    one sentence on how to read the table: what the ratio means here
 */
public record Question(String id, String title, String benchmarkClass, String baselineParam, String baselineValue,
                       String readingNote) {

    /** Whether this question names a baseline to compute ratios against. */
    public boolean hasBaseline() {
        return baselineParam != null;
    }

    /** "threadKind=PLATFORM", or "none". */
    public String baselineLabel() {
        return hasBaseline() ? baselineParam + "=" + baselineValue : "none";
    }
}
