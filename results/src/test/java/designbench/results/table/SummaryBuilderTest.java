package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    @Test
    void overlappingConfidenceIntervalsAreNotAClearDifference() {
        List<QuestionTable> tables = SummaryBuilder.build(List.of(
                avgt(START, params("threadKind", "PLATFORM"), 100, 10),
                avgt(START, params("threadKind", "VIRTUAL"), 85, 6)));
        QuestionTable.Row virtual = tables.get(0).rows().get(1);
        assertFalse(virtual.clearlyDiffers());

        tables = SummaryBuilder.build(List.of(
                avgt(START, params("threadKind", "PLATFORM"), 100, 10),
                avgt(START, params("threadKind", "VIRTUAL"), 20, 6)));
        assertTrue(tables.get(0).rows().get(1).clearlyDiffers());
    }

    @Test
    void unknownErrorLeavesTheDifferenceUnjudged() {
        List<QuestionTable> tables = SummaryBuilder.build(List.of(
                avgt(START, params("threadKind", "PLATFORM"), 100, Double.NaN),
                avgt(START, params("threadKind", "VIRTUAL"), 20, 1)));
        assertNull(tables.get(0).rows().get(1).clearlyDiffers());
        assertEquals(0.2, tables.get(0).rows().get(1).ratio(), 1e-9);
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
    void tablesFollowTheCatalogOrder() {
        List<QuestionTable> tables = SummaryBuilder.build(List.of(
                avgt(BLOCKING, params("executor", "VIRTUAL_PER_TASK", "taskCount", "100"), 2, 0.1),
                avgt(START, params("threadKind", "VIRTUAL"), 20, 1)));
        assertEquals(List.of("threads-start", "threads-blocking-tasks"),
                tables.stream().map(t -> t.question().id()).toList());
    }
}
