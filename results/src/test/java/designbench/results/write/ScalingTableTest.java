package designbench.results.write;

import designbench.contract.BenchmarkFailure;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import designbench.results.table.SummaryBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aSweptIpcTableKeepsEachRowsRatioToItsCReference() {
        String requests = "designbench.ipc.RequestResponseBench.request";
        List<Measurement> rows = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            for (String transport : new String[] {"NIO_TCP", "NIO_UDS", "C_TCP", "C_UDS"}) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("transport", transport);
                params.put("threadKind", "PLATFORM");
                params.put("threads", String.valueOf(threads));
                double score = threads * (transport.endsWith("UDS") ? 150 : 100) * (transport.startsWith("C") ? 2 : 1);
                rows.add(Measurement.measured(requests, "thrpt", params, score, 1, "ops/s"));
            }
        }
        StringBuilder out = new StringBuilder();
        ScalingTable.appendTo(out, SummaryBuilder.build(rows).get(0), 2);
        String table = out.toString();

        assertTrue(table.contains("| RequestResponseBench.request | transport=NIO_UDS threadKind=PLATFORM "
                + "| 150 ± 1.00 (1.50 ?; to C 0.50) | 600 ± 1.00 (1.50 ?; to C 0.50) |"), table);
        assertTrue(table.contains("| RequestResponseBench.request | transport=C_UDS threadKind=PLATFORM "
                + "| 300 ± 1.00 (1.50 ?) | 1200 ± 1.00 (1.50 ?) |"), table);
        assertTrue(table.contains("Cells: ops/s ± error (ratio to its transport baseline in the same column; to C: "
                + "the ratio to the row's reference in the same column)."), table);
    }
}
