package designbench.cap.check;

import static designbench.cap.check.Ops.finalRead;
import static designbench.cap.check.Ops.read;
import static designbench.cap.check.Ops.timedOutWrite;
import static designbench.cap.check.Ops.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.cap.history.History;
import designbench.cap.history.Op;
import designbench.contract.SuiteTables;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapTablesTest {
    private static String verdictOf(List<Op> ops) {
        HistoryAnalysis.Result r = HistoryAnalysis.analyse(new History("x", ops, HistoryAnalysisTest.onePartition()));
        return CapTables.verdict(r, r.readPaths().get(0));
    }

    private static List<Op> withFinals(List<Op> ops, String value) {
        List<Op> all = new ArrayList<>(ops);
        for (String client : List.of("n1", "n2", "n3")) {
            all.add(finalRead(client, "k", value, 4000));
        }
        return all;
    }

    @Test
    void aMinorityThatTimesOutWhileTheHistoryStaysLinearizableIsCp() {
        List<Op> ops = withFinals(List.of(write("n1", "k", "a", 0, 10),
                timedOutWrite("n3", "k", "b", 1100, 2100), Ops.failedRead("n3", "k", Op.TIMEOUT, 1200, 2200),
                write("n1", "k", "c", 1300, 1310), read("n2", "k", "c", 1400, 1410)), "c");
        String verdict = verdictOf(ops);
        assertTrue(verdict.contains("In the seed's terms: CP"), verdict);
        assertTrue(verdict.contains("the minority side answered 0 % of 1 reads and 0 % of 1 writes (2 timeouts)"),
                verdict);
        assertTrue(verdict.contains("linearizable, 0 % of 1 successful reads stale"), verdict);
    }

    @Test
    void aMinorityThatAnswersStaleIsAp() {
        List<Op> ops = withFinals(List.of(write("n1", "k", "a", 0, 10), write("n3", "k", "b", 1100, 1110),
                write("n1", "k", "c", 1200, 1210), read("n3", "k", "b", 1500, 1510),
                read("n1", "k", "c", 1600, 1610)), "c");
        String verdict = verdictOf(ops);
        assertTrue(verdict.contains("In the seed's terms: AP"), verdict);
        assertTrue(verdict.contains("not linearizable"), verdict);
        assertTrue(verdict.contains("50 % of 2 successful reads stale (up to 0.29 s behind)"), verdict);
    }

    @Test
    void staleLocalReadsWithRefusedWritesAreApForReadsOnly() {
        List<Op> ops = withFinals(List.of(write("n1", "k", "a", 0, 10), timedOutWrite("n3", "k", "b", 1100, 2100),
                write("n1", "k", "c", 1200, 1210), read("n3", "k", "a", 1500, 1510)), "c");
        assertTrue(verdictOf(ops).contains("AP for reads (answered locally, possibly stale), CP for writes"),
                verdictOf(ops));
    }

    @Test
    void nothingDuringAPartitionGivesNoVerdict() {
        List<Op> ops = withFinals(List.of(write("n1", "k", "a", 0, 10), read("n2", "k", "a", 20, 30)), "a");
        assertTrue(verdictOf(ops).contains("No operation ran during a partition: no CAP verdict"), verdictOf(ops));
    }

    @Test
    void anUnavailableStoreIsARowWithItsReasonInEveryTable() {
        SuiteTables tables = CapTables.build("cap", "quick", List.of(
                CapTables.Outcome.unavailable("etcd", "no etcd binary on PATH")));
        assertEquals(List.of("cap-availability", "cap-consistency", "cap-partitions"),
                tables.tables().stream().map(SuiteTables.Table::id).toList());
        for (SuiteTables.Table table : tables.tables()) {
            assertEquals("unavailable: no etcd binary on PATH", table.rows().get(0).get(1));
        }
        assertEquals(List.of("etcd: not measured (no etcd binary on PATH)."), tables.tables().get(0).verdicts());
    }
}
