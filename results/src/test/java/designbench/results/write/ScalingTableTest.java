package designbench.results.write;

import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.results.table.BenchmarkFailure;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import designbench.results.table.SummaryBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingTableTest {
    private static final String COUNTER = "designbench.threads.locks.LockedCounterBench.increment";

    private static Map<String, String> params(String lock, String kind, int threads) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lock", lock);
        params.put("threadKind", kind);
        params.put("threads", String.valueOf(threads));
        return params;
    }

    @Test
    void oneRowPerStrategyOneColumnPerThreadCountWithRatiosAndOversubscription() {
        List<Measurement> rows = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4, 8}) {
            rows.add(Measurement.measured(COUNTER, "thrpt", params("SYNCHRONIZED", "PLATFORM", threads), 100, 1,
                    "ops/us"));
            rows.add(Measurement.measured(COUNTER, "thrpt", params("LONG_ADDER", "PLATFORM", threads),
                    100.0 * threads, 1, "ops/us"));
            rows.add(Measurement.failed(new BenchmarkFailure(COUNTER, params("STAMPED_OPTIMISTIC", "PLATFORM",
                    threads), "this shape has no reads", true)));
        }
        List<QuestionTable> tables = SummaryBuilder.build(rows);
        StringBuilder out = new StringBuilder();
        ScalingTable.appendTo(out, tables.get(0), 2);
        String table = out.toString();

        assertTrue(table.contains("| benchmark | params | 1 thread | 2 threads | 4 threads (> 2 cores) "
                + "| 8 threads (> 2 cores) |"), table);
        assertTrue(table.contains("| LockedCounterBench.increment | lock=LONG_ADDER threadKind=PLATFORM "
                + "| 100 ± 1.00 (1.00 ?) | 200 ± 1.00 (2.00 ?) | 400 ± 1.00 (4.00 ?) | 800 ± 1.00 (8.00 ?) |"), table);
        assertTrue(table.contains("| LockedCounterBench.increment | lock=STAMPED_OPTIMISTIC threadKind=PLATFORM "
                + "| unavailable | unavailable | unavailable | unavailable |"), table);
        assertTrue(table.contains("- lock=STAMPED_OPTIMISTIC: unavailable: this shape has no "
                + "reads"), table);
        assertTrue(table.contains("Cells: ops/us ± error (ratio to lock=SYNCHRONIZED in the same column)."), table);
    }
}
