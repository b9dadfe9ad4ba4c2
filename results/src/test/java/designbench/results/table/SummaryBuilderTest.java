package designbench.results.table;

import designbench.contract.BenchmarkFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryBuilderTest {
    private static final String START = "designbench.threads.virtual.ThreadStartBench.startAndJoin";
    private static final String BLOCKING = "designbench.threads.virtual.BlockingTasksBench.burst";

    private static Measurement avgt(String benchmark, Map<String, String> params, double score, double error) {
        return Measurement.measured(benchmark, "avgt", params, score, error, "us/op");
    }

    private static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void ratioIsToTheBaselineRowWithOtherwiseEqualParams() {
        List<QuestionTable> tables = SummaryBuilder.build(List.of(
                avgt(BLOCKING, params("executor", "VIRTUAL_PER_TASK", "taskCount", "100"), 2, 0.1),
                avgt(BLOCKING, params("executor", "PLATFORM_POOL_PER_TASK", "taskCount", "100"), 4, 0.1),
                avgt(BLOCKING, params("executor", "VIRTUAL_PER_TASK", "taskCount", "1000"), 3, 0.1),
                avgt(BLOCKING, params("executor", "PLATFORM_POOL_PER_TASK", "taskCount", "1000"), 30, 0.1)));
        assertEquals(1, tables.size());
        QuestionTable table = tables.get(0);
        assertEquals("threads-blocking-tasks", table.question().id());
        assertEquals(0.5, table.rows().get(0).ratio(), 1e-9);
        assertEquals(1.0, table.rows().get(1).ratio(), 1e-9);
        assertEquals(0.1, table.rows().get(2).ratio(), 1e-9);
        assertEquals("lower is better", table.direction());
    }

    /** The rows' iterations, keyed as RawSamples keys them. */
    private static java.util.Map<RawSamples.Key, List<double[]>> samples(Measurement a, double[] as, Measurement b,
                                                                          double[] bs) {
        return java.util.Map.of(new RawSamples.Key(a.shortName(), a.mode(), a.paramsLabel()), List.of(as),
                new RawSamples.Key(b.shortName(), b.mode(), b.paramsLabel()), List.of(bs));
    }

    @Test
    void aDifferenceIsClearOnlyWhenTheTestFindsItAndItExceedsTheNoise() {
        Measurement platform = avgt(START, params("threadKind", "PLATFORM"), 100, 10);
        Measurement virtual = avgt(START, params("threadKind", "VIRTUAL"), 85, 6);
        double[] around100 = {100, 101, 99, 100.5, 99.5};
        QuestionTable.Row clear = SummaryBuilder.build(List.of(platform, virtual), samples(platform, around100,
                virtual, new double[] {85, 86, 84, 85.5, 84.5})).get(0).rows().get(1);
        assertTrue(clear.clearlyDiffers(), "every iteration 15 % apart: p 0.009");

        Measurement same = avgt(START, params("threadKind", "VIRTUAL"), 100, 6);
        assertFalse(SummaryBuilder.build(List.of(platform, same), samples(platform, around100, same,
                new double[] {99.8, 100.7, 99.2, 100.1, 100.3})).get(0).rows().get(1).clearlyDiffers());

        Measurement slightly = avgt(START, params("threadKind", "VIRTUAL"), 101, 6);
        assertFalse(SummaryBuilder.build(List.of(platform, slightly), samples(platform, around100, slightly,
                        new double[] {101.6, 101.7, 101.8, 101.9, 102})).get(0).rows().get(1).clearlyDiffers(),
                "significant, but about 1 %: below the noise threshold");
    }

    @Test
    void tooFewSamplesLeaveTheDifferenceUnjudged() {
        Measurement platform = avgt(START, params("threadKind", "PLATFORM"), 100, Double.NaN);
        Measurement virtual = avgt(START, params("threadKind", "VIRTUAL"), 20, 1);
        List<QuestionTable> tables = SummaryBuilder.build(List.of(platform, virtual), samples(platform,
                new double[] {100}, virtual, new double[] {20, 21, 19, 20}));
        assertNull(tables.get(0).rows().get(1).clearlyDiffers());
        assertEquals(0.2, tables.get(0).rows().get(1).ratio(), 1e-9);
        assertNull(SummaryBuilder.build(List.of(platform, virtual)).get(0).rows().get(1).clearlyDiffers(),
                "no samples at all");
    }

    @Test
    void failedBaselineGivesNoRatioAndTheFailureStaysInTheTable() {
        Measurement failedBaseline = Measurement.failed(new BenchmarkFailure(START,
                params("threadKind", "PLATFORM"), "java.lang.IllegalStateException: boom", false));
        List<QuestionTable> tables = SummaryBuilder.build(List.of(
                avgt(START, params("threadKind", "VIRTUAL"), 20, 1), failedBaseline));
        QuestionTable table = tables.get(0);
        assertEquals(2, table.rows().size());
        assertNull(table.rows().get(0).ratio());
        assertTrue(table.hasFailures());
        assertEquals("java.lang.IllegalStateException: boom", table.rows().get(1).measurement().failureReason());
    }

    @Test
    void throughputIsHigherIsBetter() {
        Measurement thrpt = Measurement.measured(START, "thrpt", params("threadKind", "PLATFORM"), 5, 1, "ops/us");
        assertEquals("higher is better", SummaryBuilder.build(List.of(thrpt)).get(0).direction());
    }

    @Test
    void unknownClassStillGetsATableWithoutRatios() {
        List<QuestionTable> tables = SummaryBuilder.build(List.of(
                avgt("org.example.NewBench.run", params("size", "1"), 1, 0.1)));
        assertEquals("newbench", tables.get(0).question().id());
        assertNull(tables.get(0).rows().get(0).ratio());
    }

    @Test
    void aSweptQuestionIsAScalingTableOnlyWhenItsRowsHaveTheSweptParameter() {
        String requests = "designbench.ipc.RequestResponseBench.request";
        Measurement before = Measurement.measured(requests, "thrpt", params("transport", "NIO_TCP"), 5e4, 1e3,
                "ops/s");
        QuestionTable old = SummaryBuilder.build(List.of(before), Map.of()).get(0);
        assertEquals("ipc-request-response", old.question().id());
        assertFalse(old.question().isScalingTable(), "a run made before the sweep keeps its flat table");

        Measurement swept = Measurement.measured(requests, "thrpt",
                params("transport", "NIO_TCP", "threadKind", "PLATFORM", "threads", "4"), 5e4, 1e3, "ops/s");
        QuestionTable sweep = SummaryBuilder.build(List.of(swept), Map.of()).get(0);
        assertEquals("threads", sweep.question().columnParam());
        assertEquals(QuestionCatalog.order(sweep.question()), QuestionCatalog.order(old.question()),
                "both are the same question, in the same place");
    }

    @Test
    void tablesFollowTheCatalogOrder() {
        List<QuestionTable> tables = SummaryBuilder.build(List.of(
                avgt(BLOCKING, params("executor", "VIRTUAL_PER_TASK", "taskCount", "100"), 2, 0.1),
                avgt(START, params("threadKind", "VIRTUAL"), 20, 1)));
        assertEquals(List.of("threads-start", "threads-blocking-tasks"),
                tables.stream().map(t -> t.question().id()).toList());
    }
}
