package designbench.proxy.scenario;

import designbench.contract.Profile.LoadRuns;
import designbench.proxy.load.LoadReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Compared load runs: interleaved A B A B, combined into one row of median rate, pooled latencies and summed errors.
 */
class RepeatedLoadRunsTest {

    @Test
    void comparedRunsInterleaveAndEachRunGetsTheTimingItIsGiven() throws Exception {
        List<String> order = new ArrayList<>();
        List<Duration> times = new ArrayList<>();
        ScenarioContext.Run a = (warmup, measure) -> {
            order.add("A");
            times.add(warmup);
            times.add(measure);
            return measured(100 + order.size(), 0, 10);
        };
        ScenarioContext.Run b = (warmup, measure) -> {
            order.add("B");
            return measured(200 + order.size(), 1, 20);
        };
        LoadRuns three = new LoadRuns(3, Duration.ofMillis(500),
                Duration.ofMillis(1500));
        List<ScenarioContext.Measured> rows = ScenarioContext.interleaved(three, List.of(a, b));
        assertEquals(List.of("A", "B", "A", "B", "A", "B"), order);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1500)), times.subList(0, 2));
        assertArrayEquals(new double[] {101, 103, 105}, rows.get(0).rates());
        assertArrayEquals(new double[] {202, 204, 206}, rows.get(1).rates());
        assertEquals(103, rows.get(0).rate());
        assertEquals(3, rows.get(1).errorCount(), "errors of every repetition count");
        assertEquals(30, rows.get(0).histogram().getTotalCount(), "latencies of every repetition pooled");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        ScenarioContext.Measured row = ScenarioContext.Measured.combine(List.of(measured(40, 0, 1),
                measured(10, 0, 1), measured(30, 0, 1), measured(20, 0, 1)));
        assertEquals(25, row.rate());
        assertEquals(4, row.repetitions().size());
        assertEquals(25, new ScenarioRow("X.run", Map.of(), row).score());
    }

    @Test
    void oneRunIsItsOwnRow() {
        ScenarioContext.Measured once = measured(42, 0, 5);
        assertSame(once, ScenarioContext.Measured.combine(List.of(once)));
        assertEquals(42, once.rate());
    }

    @Test
    void aRowOfRepetitionsCannotScoreAnythingButTheirMedianRate() {
        ScenarioContext.Measured row = ScenarioContext.Measured.combine(List.of(measured(1, 0, 1),
                measured(3, 0, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ScenarioRow("X.run", Map.of(), row, false, 7, "ms"));
    }

    /** A measured run of {@code rate} req/s with {@code errors} timeouts and {@code requests} latencies of 1 ms. */
    private static ScenarioContext.Measured measured(double rate, long errors, int requests) {
        Histogram latencies = new Histogram(3);
        latencies.recordValueWithCount(1_000_000, requests);
        LoadReport report = new LoadReport("closed", 0, 32, 1, rate, requests,
                errors == 0 ? Map.of() : Map.of("timeout", errors), null, 0, 0, Map.of(), 0, List.of());
        return new ScenarioContext.Measured(report, latencies, List.of(), Duration.ofMillis(500));
    }
}
