package designbench.results.write;

import designbench.results.table.Numbers;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UslTableTest {
    private static double usl(double lambda, double sigma, double kappa, int n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    @Test
    void eachSeriesGetsItsCoefficientsAndItsVerdict() {
        UslTable.Builder series = new UslTable.Builder();
        for (int n : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256}) {
            series.add("ProxyScaling.run path=direct", n, usl(20_000, 0.01, 0.0001, n));
            series.add("ProxyScaling.run path=designbench", n, usl(8_000, 0.05, 0.002, n));
        }
        StringBuilder out = new StringBuilder();
        UslTable.appendTo(out, series.build(), "connections", "req/s", 2);
        String table = out.toString();
        assertTrue(table.contains("| ProxyScaling.run path=direct | 9 | " + Numbers.format(20_000)
                + " | 0.01 | 0.0001 | 99 |"), table);
        assertTrue(table.contains("scalability-bound: throughput peaks at N ≈ 22 and falls after"), table);
        assertTrue(table.contains("performance-bound: at 1 it does 0.40× the best series' (ProxyScaling.run "
                + "path=direct)"), table);
        assertTrue(!table.contains("oversubscription"), "only thread sweeps get the cores note");

        UslTable.Builder locks = new UslTable.Builder();
        locks.add("LockedCounterBench.count lock=SYNCHRONIZED", 1, 100);
        locks.add("LockedCounterBench.count lock=SYNCHRONIZED", 2, 120);
        locks.add("LockedCounterBench.count lock=SYNCHRONIZED", 8, 90);
        StringBuilder refused = new StringBuilder();
        UslTable.appendTo(refused, locks.build(), "threads", "ops/us", 2);
        assertTrue(refused.toString().contains("| LockedCounterBench.count lock=SYNCHRONIZED | 3 |  |  |  |  |  |  | "
                + "not fitted: 3 distinct concurrencies, the law needs at least 4 |"), refused.toString());
    }

    @Test
    void aThreadSweepOnAFewCoresSaysWhatItsPointsMeasure() {
        UslTable.Builder series = new UslTable.Builder();
        for (int n : new int[] {1, 2, 4, 8}) {
            series.add("x", n, usl(10, 0.1, 0.01, n));
        }
        StringBuilder out = new StringBuilder();
        UslTable.appendTo(out, series.build(), "threads", "ops/us", 2);
        assertTrue(out.toString().contains("This machine has 2 cores: points beyond them measure oversubscription"),
                out.toString());
        StringBuilder none = new StringBuilder();
        UslTable.appendTo(none, new UslTable.Builder().build(), "threads", "ops/us", 2);
        assertEquals("", none.toString());
    }
}
