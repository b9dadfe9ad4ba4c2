package designbench.results.answer;

import designbench.results.table.QuestionTable;
import designbench.results.table.RawSamples;
import java.util.List;

/**
 * The generated answer to one question.
 *
 * @param questionId the question
 * @param text       sentences with the numbers, for a reader
 * @param outcome    how firm the answer is
 * @param headline   the rows that show it (each setting's best and the row it is compared with), in table order
 * @param referencesShown whether the headline also holds the rows the answer compares with their reference, and
 *                   those references
 */
public record Verdict(String questionId, String text, Outcome outcome, List<RawSamples.Key> headline,
                      boolean referencesShown) {

    /** How firm an answer is. */
    public enum Outcome {
        /** The best variant differs clearly from the row it is compared with. */
        CLEAR,
        /** The test finds no clear difference, or the difference is below the noise threshold. */
        NO_CLEAR_DIFFERENCE,
        /** Too few samples for a test (a quick run's rows, one load run per row). */
        UNTESTED,
        /** The question's rows are not alternatives to rank (a time series, no baseline, one variant). */
        NONE
    }

    public Verdict {
        headline = List.copyOf(headline);
    }

    /** The table cut to the headline rows, in table order (the whole table when the verdict names none). */
    public QuestionTable headlineOf(QuestionTable table) {
        if (headline.isEmpty()) {
            return table;
        }
        return new QuestionTable(table.question(), table.rows().stream().filter(r -> !r.measurement().failed()
                && headline.contains(new RawSamples.Key(r.measurement().shortName(), r.measurement().mode(),
                r.measurement().paramsLabel()))).toList());
    }
}
