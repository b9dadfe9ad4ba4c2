package designbench.results.write;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.results.table.RunLength;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table of load runs claims an interval only where its rows were repeated, and says how sure the range is. */
class UncertaintyNoteTest {

    @Test
    void singleRunsHaveNoInterval() {
        String note = SummaryWriter.loadRunNote(List.of(new RunLength(1, 0, 0, "1 s", 0, "1 s")), "1 load run");
        assertTrue(note.startsWith("each row is one load run (n=1), so it has no confidence interval"), note);
    }

    @Test
    void repeatedRunsGiveTheRangeAndItsCoverage() {
        String note = SummaryWriter.loadRunNote(List.of(new RunLength(5, 0, 0, "0.5 s", 0, "1.5 s"),
                new RunLength(3, 0, 0, "0.5 s", 0, "1 s")), "5 load runs; 3 load runs");
        assertTrue(note.contains("median of its n load runs (n = 3, 5)"), note);
        assertTrue(note.contains("75 % for n = 3, 94 % for n = 5"), note);
        assertFalse(note.contains("n=1"), note);
    }

    @Test
    void aMixedTableSaysWhichRowsHaveNoInterval() {
        String note = SummaryWriter.loadRunNote(List.of(new RunLength(5, 0, 0, "0.5 s", 0, "1.5 s"),
                new RunLength(1, 0, 0, "2 s", 0, "5 s")), "mixed");
        assertTrue(note.contains("a row of one run (n=1) has no interval"), note);
    }
}
