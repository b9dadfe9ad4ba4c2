package designbench.results.table;

import designbench.contract.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Groups measured and failed rows by question and computes each row's ratio to its baseline row. */
public final class SummaryBuilder {
    private SummaryBuilder() {
    }

    /** {@link #build(List, Map)} without samples: no row's difference from its baseline is judged. */
    public static List<QuestionTable> build(List<Measurement> measurements) {
        return build(measurements, Map.of());
    }

    /**
     * One table per question, in catalog order; rows keep the order they were given in. {@code samples} holds the
     * measured iterations of each row (as {@link RawSamples} reads them), which decide whether a row differs
     * clearly from its baseline.
     */
    public static List<QuestionTable> build(List<Measurement> measurements,
                                            Map<RawSamples.Key, List<double[]>> samples) {
        Map<Question, List<Measurement>> byQuestion = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            byQuestion.computeIfAbsent(QuestionCatalog.forBenchmark(measurement.benchmark()), q -> new ArrayList<>())
                    .add(measurement);
        }
        List<QuestionTable> tables = new ArrayList<>();
        for (Map.Entry<Question, List<Measurement>> entry : byQuestion.entrySet()) {
            List<Measurement> rows = entry.getValue();
            Question question = entry.getKey().shownFor(rows.stream().map(Measurement::params).toList());
            List<QuestionTable.Row> tableRows = new ArrayList<>();
            for (Measurement row : rows) {
                Measurement baseline = findBaseline(question, row, rows);
                Measurement reference = findReference(question, row, rows);
                Boolean differs = clearlyDiffers(row, baseline, samples);
                boolean untested = differs == null && baseline != null && baseline != row && !row.failed();
                tableRows.add(new QuestionTable.Row(row, ratio(row, baseline), differs, ratio(row, reference),
                        reference == null ? null : question.referenceParam() + "="
                                + reference.params().get(question.referenceParam()), untested));
            }
            tables.add(new QuestionTable(question, tableRows));
        }
        tables.sort(Comparator.comparingInt((QuestionTable t) -> QuestionCatalog.order(t.question()))
                .thenComparing(t -> t.question().id()));
        return tables;
    }

    /** The row with the same benchmark and parameters, except the baseline parameter at its baseline value. */
    static Measurement findBaseline(Question question, Measurement row, List<Measurement> rows) {
        if (!question.hasBaseline() || !row.params().containsKey(question.baselineParam())) {
            return null;
        }
        return findWith(question.baselineParam(),
                question.baselineValueFor(row.params().get(question.baselineParam())), row, rows);
    }

    /** The measured row of the same benchmark and mode that {@link Question#isReference} names for the row. */
    static Measurement findReference(Question question, Measurement row, List<Measurement> rows) {
        if (!question.hasReference()) {
            return null;
        }
        for (Measurement candidate : rows) {
            if (candidate.benchmark().equals(row.benchmark()) && Objects.equals(candidate.mode(), row.mode())
                    && !candidate.failed() && question.isReference(row.params(), candidate.params())) {
                return candidate;
            }
        }
        return null;
    }

    /** The measured row of the same benchmark, mode and parameters as {@code row} except {@code param=value}. */
    private static Measurement findWith(String param, String value, Measurement row, List<Measurement> rows) {
        Map<String, String> wanted = new LinkedHashMap<>(row.params());
        wanted.put(param, value);
        for (Measurement candidate : rows) {
            if (candidate.benchmark().equals(row.benchmark()) && candidate.params().equals(wanted)
                    && Objects.equals(candidate.mode(), row.mode()) && !candidate.failed()) {
                return candidate;
            }
        }
        return null;
    }

    private static Double ratio(Measurement row, Measurement baseline) {
        if (baseline == null || row.failed() || baseline.score() == 0) {
            return null;
        }
        return row.score() / baseline.score();
    }

    /**
     * Like benchstat's "~": false when a Mann-Whitney test on the two rows' iterations (or fork means) finds no
     * clear difference ({@link Significance}); null when it cannot tell (a row without enough samples).
     */
    private static Boolean clearlyDiffers(Measurement row, Measurement baseline,
                                          Map<RawSamples.Key, List<double[]>> samples) {
        if (baseline == null || row.failed() || baseline == row) {
            return null;
        }
        Sampled a = Sampled.of(samples.getOrDefault(key(baseline), List.of()));
        Sampled b = Sampled.of(samples.getOrDefault(key(row), List.of()));
        if (!Significance.testable(a, b)) {
            return null;
        }
        return Significance.clear(baseline.score(), row.score(), Significance.pValue(a, b), Significance.NOISE);
    }

    private static RawSamples.Key key(Measurement m) {
        return new RawSamples.Key(m.shortName(), m.mode(), m.paramsLabel());
    }
}
