package designbench.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.contract.SuiteTables;
import designbench.results.table.SuiteOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back what a table suite (bench-cap) left: its tables, with failed and unavailable rows counted. */
class TableSuiteOutputTest {
    @TempDir
    Path runDir;

    private void writeTables(List<List<String>> rows) throws IOException {
        new SuiteTables("cap", "quick: one partition", List.of(new SuiteTables.Table("cap-availability", "Who?",
                List.of(), List.of("system", "operation", "answered"), rows, List.of())))
                .write(runDir.resolve(SuiteTables.fileName("cap")));
    }

    @Test
    void measuredFailedAndUnavailableSystemsAreCountedOnceEach() throws IOException {
        writeTables(List.of(List.of("etcd", "write", "0 %"), List.of("etcd", "read", "100 %"),
                List.of("hazelcast", "**FAILED**: client n2 did not answer", ""),
                List.of("redis", "unavailable: not installed", "")));
        SuiteOutput.Result result = SuiteOutput.readTables("cap", 1, runDir, List.of("cap-tables.json"));
        SuiteOutcome outcome = result.outcome();
        assertEquals(SuiteOutcome.Status.RAN, outcome.status());
        assertEquals(1, outcome.measuredCount());
        assertEquals(1, outcome.failedCount());
        assertEquals(1, outcome.unavailableCount());
        assertTrue(outcome.failsTheRun());
        assertEquals(1, result.tables().size());
    }

    @Test
    void noTablesFileIsAFailedSuite() throws IOException {
        SuiteOutput.Result result = SuiteOutput.readTables("cap", 0, runDir, List.of());
        assertEquals(SuiteOutcome.Status.FAILED, result.outcome().status());
        assertTrue(result.outcome().detail().contains("wrote no tables"), result.outcome().detail());
    }

    @Test
    void aSuiteThatCrashedAfterWritingTablesStillFails() throws IOException {
        writeTables(List.of(List.of("etcd", "write", "0 %")));
        assertEquals(SuiteOutcome.Status.FAILED, SuiteOutput.readTables("cap", 137, runDir, List.of())
                .outcome().status());
    }
}
