package designbench.results.answer;

import designbench.contract.Question;
import designbench.results.table.Numbers;
import designbench.results.table.QuestionTable;
import designbench.results.table.RawSamples;
import designbench.results.table.Sampled;
import designbench.results.table.Significance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates a question's verdict from its rows. A setting is one combination of the parameters other than the
 * question's baseline parameter (for the lock tables: thread kind and thread count); in each setting the best row
 * is compared with its baseline row, or, when the best row is the baseline, with the best of the others. The verdict
 * names the variant that is best in most settings, and shows the last such setting (usually the largest size or
 * thread count) with both scores, the effect, n and the test's p-value. Differences count as clear by the same rule
 * as the tables' {@code ~} ({@link Significance}); with too few samples it says so instead of guessing.
 */
public final class Verdicts {
    /** At most this many rows in a flat table's headline. */
    static final int HEADLINE_ROWS = 10;
    /** A scaling table with at most this many variants keeps them all in its headline. */
    static final int SCALING_SERIES = 4;

    private Verdicts() {
    }

    /**
     * One compared setting: where it is (its parameters other than the compared one), its best row, the row it is
     * compared with, and the test.
     */
    record Setting(String where, AnswerRow best, AnswerRow other, boolean bestIsBaseline, Comparison comparison) {
    }

    /** The test of one pair. {@code clear} is null when there were too few samples. */
    record Comparison(double ratio, double p, int nBest, int nOther, Boolean clear) {
    }

    /** The verdict on each table's question, by question id, from the tables' rows and the run's raw samples. */
    public static Map<String, Verdict> forTables(List<QuestionTable> tables,
                                                 Map<RawSamples.Key, List<double[]>> samples) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (QuestionTable table : tables) {
            List<AnswerRow> rows = table.rows().stream().map(r -> AnswerRow.of(r.measurement()))
                    .filter(Objects::nonNull).toList();
            verdicts.put(table.question().id(), answer(table.question(), rows, samples));
        }
        return verdicts;
    }

    /** The verdict on {@code question} from its measured rows and their raw samples (may be empty). */
    public static Verdict answer(Question question, List<AnswerRow> rows, Map<RawSamples.Key, List<double[]>> samples) {
        if (!question.hasBaseline()) {
            return none(question, "No verdict: this question has no baseline to rank its rows against; read the "
                    + "table.");
        }
        if (question.timeSeries()) {
            return none(question, "No verdict: the rows are a time series, not alternatives; read the table.");
        }
        String param = question.baselineParam();
        List<AnswerRow> measured = rows.stream().filter(r -> r.params().containsKey(param)).toList();
        if (measured.stream().anyMatch(r -> !r.openLoop())) {
            measured = measured.stream().filter(r -> !r.openLoop()).toList();
        }
        Map<String, List<AnswerRow>> bySetting = new LinkedHashMap<>();
        for (AnswerRow row : measured) {
            bySetting.computeIfAbsent(settingLabel(row, param), s -> new ArrayList<>()).add(row);
        }
        List<Setting> settings = new ArrayList<>();
        bySetting.values().forEach(group -> {
            if (group.size() >= 2) {
                settings.add(compare(question, group, samples));
            }
        });
        if (settings.isEmpty()) {
            return none(question, "No verdict: no setting has two measured variants to compare.");
        }
        Map<String, Integer> wins = new LinkedHashMap<>();
        settings.forEach(s -> wins.merge(s.best().params().get(param), 1, Integer::sum));
        String winner = wins.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Setting> won = settings.stream().filter(s -> s.best().params().get(param).equals(winner)).toList();
        Setting shown = won.get(won.size() - 1);
        long clear = won.stream().filter(s -> Boolean.TRUE.equals(s.comparison().clear())).count();
        long untested = won.stream().filter(s -> s.comparison().clear() == null).count();

        StringBuilder text = new StringBuilder();
        String named = "`" + param + "=" + winner + "`" + (winner.equals(question.baselineValue()) ? ", the baseline,"
                : "");
        String of = " of " + settings.size() + (settings.size() == 1 ? " setting" : " settings");
        if (untested == won.size()) {
            text.append(named).append(" has the best score in ").append(won.size()).append(of)
                    .append(" (not tested: too few samples per row). ");
        } else if (clear == 0) {
            text.append("No clear winner: ").append(named).append(" has the best score in ").append(won.size())
                    .append(of).append(", but differs clearly in none. ");
        } else {
            text.append(named).append(" is best in ").append(won.size()).append(of).append(" (clearly in ")
                    .append(clear).append(untested > 0 ? ", not tested in " + untested : "").append("). ");
        }
        text.append(capitalized(describe(shown, param, settings.size() > 1)));
        List<Setting> references = references(question, measured, samples);
        if (!references.isEmpty()) {
            text.append(' ').append(describeReferences(question, references));
        }
        Verdict.Outcome outcome = shown.comparison().clear() == null ? Verdict.Outcome.UNTESTED
                : shown.comparison().clear() ? Verdict.Outcome.CLEAR : Verdict.Outcome.NO_CLEAR_DIFFERENCE;
        Set<RawSamples.Key> headline = new LinkedHashSet<>(headline(rows, settings, question, shown));
        boolean referencesShown = !references.isEmpty() && references.size() <= SCALING_SERIES;
        if (referencesShown) {
            references.forEach(r -> headline.addAll(List.of(r.best().key(), r.other().key())));
        }
        return new Verdict(question.id(), text.toString(), outcome,
                rows.stream().map(AnswerRow::key).filter(headline::contains).toList(), referencesShown);
    }

    /**
     * Each row that has a reference ({@link Question#isReference}) paired with it, tested like a setting: {@code best}
     * is the row, whether or not it scored better, {@code other} its reference.
     */
    static List<Setting> references(Question question, List<AnswerRow> rows,
                                    Map<RawSamples.Key, List<double[]>> samples) {
        List<Setting> pairs = new ArrayList<>();
        if (!question.hasReference()) {
            return pairs;
        }
        for (AnswerRow row : rows) {
            for (AnswerRow candidate : rows) {
                if (candidate.key().benchmark().equals(row.key().benchmark())
                        && candidate.key().mode().equals(row.key().mode())
                        && question.isReference(row.params(), candidate.params())) {
                    pairs.add(new Setting(where(row, question.referenceParam()), row, candidate, false,
                            test(row, candidate, samples)));
                    break;
                }
            }
        }
        return pairs;
    }

    /**
     * "Against the reference (to nginx): `path=designbench` 19911 req/s against 23458 for `path=nginx-1.22.1`, ratio
     * 0.85, at originMs=0 load=max (n=5 vs 5, p = 0.03, clear); ..." for up to {@value #SCALING_SERIES} pairs, else
     * the range of the ratios.
     */
    static String describeReferences(Question question, List<Setting> pairs) {
        String param = question.referenceParam();
        StringBuilder out = new StringBuilder("Against the reference (").append(question.referenceLabel())
                .append("): ");
        if (pairs.size() > SCALING_SERIES) {
            double[] ratios = pairs.stream().mapToDouble(s -> s.comparison().ratio()).sorted().toArray();
            return out.append(pairs.size()).append(" rows have one; their score ratio to it goes from ")
                    .append(Numbers.ratio(ratios[0])).append(" to ").append(Numbers.ratio(ratios[ratios.length - 1]))
                    .append(" (median ").append(Numbers.ratio(median(ratios))).append("; ")
                    .append(pairs.get(0).best().higherIsBetter() ? "below 1 is slower" : "above 1 is slower")
                    .append(").").toString();
        }
        for (int i = 0; i < pairs.size(); i++) {
            Setting s = pairs.get(i);
            Comparison c = s.comparison();
            out.append(i == 0 ? "" : "; ").append('`').append(value(s.best(), param)).append("` ")
                    .append(Numbers.format(s.best().score())).append(' ').append(s.best().unit()).append(" against ")
                    .append(Numbers.format(s.other().score())).append(" for `").append(value(s.other(), param))
                    .append("`, ratio ").append(Numbers.ratio(c.ratio()))
                    .append(s.where().isEmpty() ? "" : ", at " + s.where()).append(" (n=").append(c.nBest())
                    .append(" vs ").append(c.nOther()).append(c.clear() == null ? ", not tested"
                            : ", p " + pValue(c.p()) + (c.clear() ? ", clear" : ", no clear difference"))
                    .append(')');
        }
        return out.append('.').toString();
    }

    /** The median of sorted {@code values}: the middle one, or the mean of the middle two. */
    private static double median(double[] values) {
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static Verdict none(Question question, String text) {
        return new Verdict(question.id(), text, Verdict.Outcome.NONE, List.of(), false);
    }

    /** The setting a row belongs to: its benchmark, mode and {@link #where(AnswerRow, String)}. */
    static String settingLabel(AnswerRow row, String param) {
        return row.key().benchmark() + " " + row.key().mode() + " " + where(row, param);
    }

    /** "threadKind=PLATFORM threads=8": the row's parameters without {@code param}. */
    static String where(AnswerRow row, String param) {
        return row.params().entrySet().stream().filter(e -> !e.getKey().equals(param))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static Setting compare(Question question, List<AnswerRow> group,
                                   Map<RawSamples.Key, List<double[]>> samples) {
        String param = question.baselineParam();
        boolean higher = group.get(0).higherIsBetter();
        AnswerRow best = group.get(0);
        for (AnswerRow row : group) {
            if (higher ? row.score() > best.score() : row.score() < best.score()) {
                best = row;
            }
        }
        String bestValue = best.params().get(param);
        String baselineValue = question.baselineValueFor(bestValue);
        AnswerRow other = null;
        boolean bestIsBaseline = bestValue.equals(baselineValue);
        for (AnswerRow row : group) {
            if (row == best) {
                continue;
            }
            String value = row.params().get(param);
            boolean candidate = bestIsBaseline ? question.baselineValueFor(value).equals(bestValue)
                    : value.equals(baselineValue);
            if (candidate && (other == null || (higher ? row.score() > other.score() : row.score() < other.score()))) {
                other = row;
            }
        }
        if (other == null) { // no baseline row here (or no challenger of it): the next best row
            bestIsBaseline = false;
            for (AnswerRow row : group) {
                if (row != best && (other == null
                        || (higher ? row.score() > other.score() : row.score() < other.score()))) {
                    other = row;
                }
            }
        }
        return new Setting(where(best, param), best, other, bestIsBaseline, test(best, other, samples));
    }

    /** The test of {@code row} against {@code other}: the ratio of their scores, the p-value, n, and whether clear. */
    private static Comparison test(AnswerRow row, AnswerRow other, Map<RawSamples.Key, List<double[]>> samples) {
        Sampled a = Sampled.of(samples.getOrDefault(row.key(), List.of()));
        Sampled b = Sampled.of(samples.getOrDefault(other.key(), List.of()));
        double p = Significance.pValue(a, b);
        Boolean clear = Significance.testable(a, b) ? Significance.clear(other.score(), row.score(), p,
                Significance.NOISE) : null;
        return new Comparison(row.score() / other.score(), p, nOf(a), nOf(b), clear);
    }

    /** Samples behind a row: its raw iterations (or fork means), or 1 for a row without any (one load run). */
    private static int nOf(Sampled sampled) {
        return sampled.n() > 0 ? sampled.n() : 1;
    }

    /** The sentence about one setting: both scores, the effect, n, the test. */
    static String describe(Setting s, String param, boolean nameSetting) {
        StringBuilder out = new StringBuilder();
        if (nameSetting && !s.where().isEmpty()) {
            out.append("At ").append(s.where()).append(": ");
        }
        AnswerRow best = s.best();
        AnswerRow other = s.other();
        String unit = best.unit();
        boolean higher = best.higherIsBetter();
        Comparison c = s.comparison();
        String test = "n=" + c.nBest() + " vs " + c.nOther()
                + (c.clear() == null ? ", not tested" : ", p " + pValue(c.p()) + (c.clear() ? ", clear" : ""));
        if (Boolean.FALSE.equals(c.clear())) {
            out.append("no clear difference between `").append(value(best, param)).append("` (")
                    .append(Numbers.format(best.score())).append(") and `").append(value(other, param)).append("` (")
                    .append(Numbers.format(other.score())).append(' ').append(unit).append("), ").append(test)
                    .append('.');
            return out.toString();
        }
        if (s.bestIsBaseline()) {
            out.append("the closest, `").append(value(other, param)).append("`, ").append(Numbers.format(other.score()))
                    .append(" against ").append(Numbers.format(best.score())).append(' ').append(unit).append(", ")
                    .append(Numbers.ratio(1 / c.ratio())).append(higher ? "× its throughput"
                            : isTime(unit) ? "× its time" : "× its score");
        } else {
            out.append(Numbers.format(best.score())).append(" against ").append(Numbers.format(other.score()))
                    .append(' ').append(unit).append(" for `").append(value(other, param)).append("`, ")
                    .append(effect(c.ratio(), higher, isTime(unit)));
        }
        return out.append(" (").append(test).append(").").toString();
    }

    /**
     * How much better a ratio best/other is: "27× the throughput", "31 % less time", "2.5× faster"; for a lower-is-better
     * score that is not a time (origin fetches per burst), "30× lower", "12 % lower".
     */
    static String effect(double ratio, boolean higherIsBetter, boolean time) {
        if (higherIsBetter) {
            return ratio >= 2 ? factor(ratio) + "× the throughput" : percent(ratio - 1) + " more throughput";
        }
        if (ratio <= 0.5) {
            return factor(1 / ratio) + (time ? "× faster" : "× lower");
        }
        return percent(1 - ratio) + (time ? " less time" : " lower");
    }

    /** "48 %", and "0.4 %" below 10 %, so a small effect does not read as none. */
    private static String percent(double fraction) {
        return String.format(Locale.ROOT, Math.abs(fraction) < 0.1 ? "%.1f %%" : "%.0f %%", 100 * fraction);
    }

    /** Whether a JMH unit is a time per operation: "us/op", "ms/op", "s/op". */
    static boolean isTime(String unit) {
        return unit.matches("(ns|us|µs|ms|s|min)/op");
    }

    private static String factor(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.2g", p);
    }

    private static String value(AnswerRow row, String param) {
        return param + "=" + row.params().get(param);
    }

    /**
     * The headline rows: in a scaling table, every row of the winner, of the row it is compared with in the shown
     * setting, and of the baseline, or of every variant when there are at most {@value #SCALING_SERIES} (its pivot
     * then shows a few lines); in a flat table, each setting's best row and the row it was compared with, from at most
     * {@value #HEADLINE_ROWS} / 2 settings spread over the table.
     */
    private static List<RawSamples.Key> headline(List<AnswerRow> rows, List<Setting> settings, Question question,
                                                 Setting shown) {
        Set<RawSamples.Key> keys = new LinkedHashSet<>();
        if (question.isScalingTable()) {
            String param = question.baselineParam();
            Set<String> all = new LinkedHashSet<>();
            rows.forEach(r -> all.add(r.params().get(param)));
            Set<String> values = all.size() <= SCALING_SERIES ? all : new LinkedHashSet<>(List.of(
                    shown.best().params().get(param), shown.other().params().get(param), question.baselineValue()));
            rows.stream().filter(r -> values.contains(r.params().get(question.baselineParam())))
                    .forEach(r -> keys.add(r.key()));
        } else {
            int count = Math.min(settings.size(), HEADLINE_ROWS / 2);
            for (int i = 0; i < count; i++) {
                Setting s = settings.get(count == 1 ? settings.size() - 1
                        : (int) Math.round(i * (settings.size() - 1) / (double) (count - 1)));
                keys.add(s.best().key());
                keys.add(s.other().key());
            }
        }
        return rows.stream().map(AnswerRow::key).filter(keys::contains).toList();
    }
}
