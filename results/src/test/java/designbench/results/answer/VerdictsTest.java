package designbench.results.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.contract.Question;
import designbench.results.table.QuestionCatalog;
import designbench.results.table.RawSamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts generated from fixture rows: a clear win, a clear loss, no difference, too few samples, no verdict. */
class VerdictsTest {
    private static final Question QUESTION = new Question("fixture", "Which executor is faster?",
            "designbench.fixture.FixtureBench", "executor", "PLATFORM", null, "");

    private final List<AnswerRow> rows = new ArrayList<>();
    private final Map<RawSamples.Key, List<double[]>> samples = new LinkedHashMap<>();

    /** A row of FixtureBench.run with the given executor and size, and its iterations (one fork). */
    private void row(String mode, String executor, String size, double... iterations) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("executor", executor);
        params.put("size", size);
        RawSamples.Key key = new RawSamples.Key("FixtureBench.run", mode,
                "executor=" + executor + " size=" + size);
        double mean = java.util.Arrays.stream(iterations).average().orElseThrow();
        rows.add(new AnswerRow(key, params, mean, mode.equals("thrpt") ? "ops/s" : "ms/op", false));
        samples.put(key, List.<double[]>of(iterations));
    }

    @Test
    void aClearWinNamesTheWinnerWithBothScoresNAndP() {
        row("avgt", "PLATFORM", "100", 20, 21, 22, 20, 21, 22, 21, 20);
        row("avgt", "VIRTUAL", "100", 10, 11, 10, 12, 11, 10, 11, 12);
        Verdict verdict = Verdicts.answer(QUESTION, rows, samples);
        assertEquals(Verdict.Outcome.CLEAR, verdict.outcome(), verdict.text());
        assertEquals("`executor=VIRTUAL` is best in 1 of 1 setting (clearly in 1). 10.9 against 20.9 ms/op for "
                + "`executor=PLATFORM`, 48 % less time (n=8 vs 8, p < 0.001, clear).", verdict.text());
    }

    @Test
    void aClearLossOfEveryAlternativeNamesTheBaselineAndTheClosestAlternative() {
        for (String size : List.of("100", "1000")) {
            row("thrpt", "PLATFORM", size, 100, 101, 99, 100, 102, 98);
            row("thrpt", "VIRTUAL", size, 50, 51, 49, 50, 52, 48);
            row("thrpt", "POOL", size, 70, 71, 69, 70, 72, 68);
        }
        Verdict verdict = Verdicts.answer(QUESTION, rows, samples);
        assertEquals(Verdict.Outcome.CLEAR, verdict.outcome(), verdict.text());
        assertEquals("`executor=PLATFORM`, the baseline, is best in 2 of 2 settings (clearly in 2). At size=1000: "
                + "the closest, `executor=POOL`, 70.0 against 100 ops/s, 0.70× its throughput (n=6 vs 6, p = 0.0039, "
                + "clear).", verdict.text()); // U = 0: z = -18 / sqrt(39), p = 2 Phi(z)
    }

    @Test
    void overlappingSamplesGiveNoClearDifference() {
        row("avgt", "PLATFORM", "100", 10, 12, 11, 13, 10, 12);
        row("avgt", "VIRTUAL", "100", 11, 10, 12, 12, 10, 11.5);
        Verdict verdict = Verdicts.answer(QUESTION, rows, samples);
        assertEquals(Verdict.Outcome.NO_CLEAR_DIFFERENCE, verdict.outcome(), verdict.text());
        assertTrue(verdict.text().startsWith("No clear winner: `executor=VIRTUAL` has the best score in 1 of 1 "
                + "setting, but differs clearly in none. No clear difference between"), verdict.text());
    }

    @Test
    void aSignificantDifferenceBelowTheNoiseThresholdIsNoClearDifference() {
        row("avgt", "PLATFORM", "100", 100, 100.1, 100.2, 100.1, 100, 100.2);
        row("avgt", "VIRTUAL", "100", 99, 99.1, 99.2, 99.1, 99, 99.2);
        assertEquals(Verdict.Outcome.NO_CLEAR_DIFFERENCE, Verdicts.answer(QUESTION, rows, samples).outcome());
    }

    @Test
    void tooFewSamplesAreSaidNotGuessed() {
        row("thrpt", "PLATFORM", "100", 100);
        row("thrpt", "VIRTUAL", "100", 300);
        Verdict verdict = Verdicts.answer(QUESTION, rows, samples);
        assertEquals(Verdict.Outcome.UNTESTED, verdict.outcome());
        assertEquals("`executor=VIRTUAL` has the best score in 1 of 1 setting (not tested: too few samples per row)."
                + " 300 against 100 ops/s for `executor=PLATFORM`, 3.0× the throughput (n=1 vs 1, not tested).",
                verdict.text());
    }

    @Test
    void aTimeSeriesAndAQuestionWithoutBaselineGetNoVerdict() {
        row("thrpt", "PLATFORM", "100", 100);
        row("thrpt", "VIRTUAL", "100", 300);
        Question series = QuestionCatalog.QUESTIONS.stream().filter(Question::timeSeries)
                .findFirst().orElseThrow();
        assertEquals(Verdict.Outcome.NONE, Verdicts.answer(series, rows, samples).outcome());
        Question noBaseline = new Question("x", "x", "designbench.fixture.FixtureBench", null, null, null, "");
        assertEquals(Verdict.Outcome.NONE, Verdicts.answer(noBaseline, rows, samples).outcome());
    }

    @Test
    void theHeadlineOfAFlatTableHasAtMostTenRowsSpreadOverTheSettings() {
        for (int size = 1; size <= 12; size++) {
            row("avgt", "PLATFORM", String.valueOf(size), 20, 21, 22, 20);
            row("avgt", "VIRTUAL", String.valueOf(size), 10, 11, 10, 12);
            row("avgt", "POOL", String.valueOf(size), 30, 31, 30, 32);
        }
        Verdict verdict = Verdicts.answer(QUESTION, rows, samples);
        assertEquals(10, verdict.headline().size());
        assertTrue(verdict.headline().contains(rows.get(0).key()), "first setting's baseline");
        assertTrue(verdict.headline().contains(rows.get(rows.size() - 2).key()), "last setting's winner");
        assertTrue(verdict.headline().stream().noneMatch(k -> k.params().contains("POOL")), "not compared: left out");
    }

    @Test
    void effectsReadAsTheUnitAsksFor() {
        assertEquals("27× the throughput", Verdicts.effect(27.2, true, false));
        assertEquals("73 % more throughput", Verdicts.effect(1.73, true, false));
        assertEquals("31× faster", Verdicts.effect(1 / 31.0, false, true));
        assertEquals("30 % less time", Verdicts.effect(0.7, false, true));
        assertEquals("30× lower", Verdicts.effect(1 / 30.0, false, false));
        assertTrue(Verdicts.isTime("us/op"));
        assertTrue(!Verdicts.isTime("origin fetches/burst"));
    }
    @Test
    void aReferenceIsComparedInTheAnswerAndItsRowsJoinTheHeadline() {
        Question withReference = QUESTION.withReferences("executor", Map.of("VIRTUAL", "POOL-[0-9]+"), "to pool");
        row("thrpt", "PLATFORM", "100", 100, 101, 99, 100, 102, 98);
        row("thrpt", "VIRTUAL", "100", 50, 51, 49, 50, 52, 48);
        row("thrpt", "POOL-8", "100", 70, 71, 69, 70, 72, 68);
        Verdict verdict = Verdicts.answer(withReference, rows, samples);
        assertTrue(verdict.text().endsWith(" Against the reference (to pool): `executor=VIRTUAL` 50.0 ops/s against "
                + "70.0 for `executor=POOL-8`, ratio 0.71, at size=100 (n=6 vs 6, p = 0.0039, clear)."), verdict.text());
        assertTrue(verdict.referencesShown());
        assertEquals(3, verdict.headline().size(), "the baseline, its closest challenger, and VIRTUAL to its reference");
    }
}
