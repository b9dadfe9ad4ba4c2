package designbench.cap.check;

import static designbench.cap.check.Ops.finalRead;
import static designbench.cap.check.Ops.ms;
import static designbench.cap.check.Ops.read;
import static designbench.cap.check.Ops.timedOutWrite;
import static designbench.cap.check.Ops.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.cap.history.Event;
import designbench.cap.history.History;
import designbench.cap.history.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryAnalysisTest {
    /** One partition from 1 s to 3 s with n3 cut off; the members agreed again 0.5 s after the heal. */
    static List<Event> onePartition() {
        return List.of(new Event(Event.SYSTEM, 0, null, 0, "fixture store"),
                new Event(Event.PARTITION, 1, "n3", ms(1000), "2 s"),
                new Event(Event.HEAL, 1, "n3", ms(3000), null),
                new Event(Event.CONVERGED, 1, null, ms(3500), "5 polls"));
    }

    /**
     * Before: a written and read on both sides. During: the majority writes c and reads it; the minority's write
     * of b times out, and its local read still returns a (stale: c was acknowledged 290 ms before). After: d.
     */
    static List<Op> staleMinority(String finalValue) {
        List<Op> ops = new ArrayList<>(List.of(write("n1", "k", "a", 0, 10), read("n3", "k", "a", 20, 30),
                timedOutWrite("n3", "k", "b", 1100, 2100), write("n1", "k", "c", 1200, 1210),
                read("n1", "k", "c", 1300, 1310), read("n3", "k", "a", 1500, 1510),
                write("n2", "k", "d", 3100, 3110)));
        for (String client : List.of("n1", "n2", "n3")) {
            ops.add(finalRead(client, "k", finalValue, 4000));
        }
        return ops;
    }

    @Test
    void operationsAreCountedBySideAndPhase() {
        HistoryAnalysis.Result r = HistoryAnalysis.analyse(new History("x", staleMinority("d"), onePartition()));
        assertEquals("fixture store", r.description());
        var minorityWrites = find(r, "write", HistoryAnalysis.PARTITIONED, HistoryAnalysis.MINORITY);
        assertEquals(1, minorityWrites.n());
        assertEquals(1, minorityWrites.timeout());
        assertEquals(0.0, minorityWrites.okShare());
        var minorityReads = find(r, "read (linearizable)", HistoryAnalysis.PARTITIONED, HistoryAnalysis.MINORITY);
        assertEquals(1.0, minorityReads.okShare());
        assertEquals(1, find(r, "write", HistoryAnalysis.BEFORE, HistoryAnalysis.ALL).n());
        assertEquals(1, find(r, "write", HistoryAnalysis.AFTER_HEAL, HistoryAnalysis.ALL).n());
        assertEquals(0.5, (r.partitions().get(0).converged() - r.partitions().get(0).heal()) / 1e9);
    }

    @Test
    void theMinoritysOldReadIsStaleByOneVersionAndTheTimeSinceTheNewerWrite() {
        HistoryAnalysis.Result r = HistoryAnalysis.analyse(new History("x", staleMinority("d"), onePartition()));
        HistoryAnalysis.ReadPath path = r.readPaths().get(0);
        assertEquals(RegisterChecker.Verdict.NOT_LINEARIZABLE, path.verdict());
        assertEquals(3, path.okReads());
        assertEquals(1, path.staleReads());
        assertEquals(1, path.staleWhilePartitioned());
        assertEquals(1, path.maxVersionsBehind());
        assertEquals(290.0, path.maxMillisBehind(), 1e-9);
        assertEquals(0, r.lostWrites().lost());
    }

    @Test
    void aFinalStateOlderThanAnAcknowledgedWriteLosesIt() {
        HistoryAnalysis.Result r = HistoryAnalysis.analyse(new History("x", staleMinority("c"), onePartition()));
        assertEquals(1, r.lostWrites().lost(), "d was acknowledged after c, yet the members hold c");
        assertEquals(3, r.lostWrites().acknowledged());
    }

    @Test
    void aFinalValueFromATimedOutWriteLosesNothingItCannotBeOrderedAfter() {
        HistoryAnalysis.Result r = HistoryAnalysis.analyse(new History("x", staleMinority("b"), onePartition()));
        assertEquals(0, r.lostWrites().lost());
    }

    @Test
    void membersThatStillDisagreeAtTheEndAreCounted() {
        List<Op> ops = new ArrayList<>(staleMinority("d"));
        ops.removeIf(op -> Op.FINAL.equals(op.purpose()) && op.client().equals("n3"));
        ops.add(finalRead("n3", "k", "c", 4000));
        HistoryAnalysis.Result r = HistoryAnalysis.analyse(new History("x", ops, onePartition()));
        assertEquals(1, r.lostWrites().keysWithoutAgreement());
        assertEquals(0, r.lostWrites().lost(), "the value most members hold counts");
    }

    @Test
    void theHistoryFilesReadBackAsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        History history = new History("x", staleMinority("d"), onePartition());
        history.write(dir);
        assertEquals(history, History.read(dir, "x"));
        assertEquals(List.of("x"), History.systemsIn(dir));
        java.nio.file.Files.writeString(History.opsFile(dir, "x"), "{\"client\": \"n1\"}\nnot json\n");
        var error = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> History.read(dir, "x"));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    private static HistoryAnalysis.Counts find(HistoryAnalysis.Result r, String op, String when, String side) {
        return r.availability().stream().filter(row -> row.operation().equals(op) && row.when().equals(when)
                && row.side().equals(side)).findFirst().orElseThrow().counts();
    }
}
