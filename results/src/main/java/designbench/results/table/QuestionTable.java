package designbench.results.table;

import designbench.contract.Question;
import java.util.List;

/**
 * The rows that answer one question, each with its ratio to the question's baseline.
 *
 * @param question the question answered
 * @param rows     in the order JMH ran them: benchmark, then parameters
 */
public record QuestionTable(Question question, List<Row> rows) {

    /**
     * @param measurement  the score or failure
     * @param ratio        score divided by the baseline row's score; null without a measured baseline
     * @param clearlyDiffers false when a Mann-Whitney test finds no clear difference from the baseline (see
     *                       {@link Significance}), null when it cannot tell
     * @param referenceRatio score divided by the reference row's score (see {@link Question#referenceByValue()});
     *                       null without a measured reference
     * @param reference      the reference row's value of {@link Question#referenceParam()}, as "path=nginx-1.22.1";
     *                       null without a measured reference
     * @param untested       true when the row has a baseline to compare with but too few samples for the test
     */
    public record Row(Measurement measurement, Double ratio, Boolean clearlyDiffers, Double referenceRatio,
                      String reference, boolean untested) {
        /** A row without a reference whose difference from its baseline was tested, or that has none to test. */
        public Row(Measurement measurement, Double ratio, Boolean clearlyDiffers) {
            this(measurement, ratio, clearlyDiffers, null, null, false);
        }
    }

    /** "lower is better" or "higher is better", from the rows' JMH mode. */
    public String direction() {
        return rows.stream().map(Row::measurement).filter(m -> !m.failed()).findFirst()
                .map(m -> m.higherIsBetter() ? "higher is better" : "lower is better")
                .orElse("direction unknown (no measured rows)");
    }

    /** Whether any row of this table failed. */
    public boolean hasFailures() {
        return rows.stream().anyMatch(row -> row.measurement().failed());
    }
}
