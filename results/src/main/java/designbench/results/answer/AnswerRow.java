package designbench.results.answer;

import designbench.results.table.Measurement;
import designbench.results.table.RawSamples;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One measured row as a verdict sees it, whether it comes from this run's tables or from a committed run's
 * summary.csv.
 *
 * @param key      the row's name as summary.csv and {@link RawSamples} give it
 * @param params   its parameters
 * @param score    its score, finite
 * @param unit     the score's unit
 * @param openLoop true for a load run at a fixed offered rate, whose achieved rate is set by the schedule and so
 *                 answers nothing on its own (its latency columns do)
 */
public record AnswerRow(RawSamples.Key key, Map<String, String> params, double score, String unit,
                        boolean openLoop) {

    /** The row of a measurement; null for a failed or unavailable one. */
    public static AnswerRow of(Measurement m) {
        if (m.failed() || !Double.isFinite(m.score())) {
            return null;
        }
        Double offered = m.secondary().get("offered");
        return new AnswerRow(new RawSamples.Key(m.shortName(), m.mode(), m.paramsLabel()), m.params(), m.score(),
                m.unit(), offered != null && offered > 0);
    }

    /** The row of a summary.csv record; null for a row without a score (failed, unavailable, a jcstress outcome). */
    public static AnswerRow of(CSVRecord row) {
        if (!"OK".equals(row.get("status")) || row.get("score").isEmpty() || row.get("mode").equals("jcstress")) {
            return null;
        }
        double score = Double.parseDouble(row.get("score"));
        boolean openLoop = row.isSet("offered_per_s") && !row.get("offered_per_s").isEmpty()
                && Double.parseDouble(row.get("offered_per_s")) > 0;
        return new AnswerRow(new RawSamples.Key(row.get("benchmark"), row.get("mode"), row.get("params")),
                params(row.get("params")), score, row.get("unit"), openLoop);
    }

    /** A summary.csv params cell, "k=v k=v", back into its pairs. */
    public static Map<String, String> params(String cell) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : cell.trim().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    public boolean higherIsBetter() {
        return Measurement.higherIsBetter(key.mode());
    }
}
