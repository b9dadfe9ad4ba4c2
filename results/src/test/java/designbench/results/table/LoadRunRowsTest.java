package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.contract.LoadRunRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load-run suite's rows file, written and read with the contract's class, as the tables' rows. */
class LoadRunRowsTest {
    @TempDir
    Path dir;

    private static LoadRunRow repeated() {
        return new LoadRunRow("a.CacheGain.run", Map.of("hitPercent", "90"), true, 5000, "req/s", 3,
                List.of(4800.0, 5000.0, 5400.0), 1.0, 0.3, 0, 2, null);
    }

    @Test
    void aRepeatedRowKeepsItsRatesRangeRunLengthAndSecondaryColumns() throws IOException {
        Path file = LoadRunRow.fileOf(dir, "proxy");
        LoadRunRow.write(file, List.of(repeated()));
        List<LoadRunRow> read = LoadRunRow.read(file);
        assertEquals(List.of(repeated()), read);

        Measurement row = LoadRunRows.measurements(read).get(0);
        assertEquals("thrpt", row.mode());
        assertEquals(5000, row.score());
        assertEquals(300, row.error(), 1e-9, "half the range of the rates");
        assertEquals("3 load runs of 1 s after 0.3 s warm-up", row.runLength().describe());
        assertEquals(2.0, row.secondary().get("errors"));
        assertTrue(row.secondary().get("hitRatio").isNaN(), "no response said: no hit ratio");
        assertEquals(List.of(3), LoadRunRows.samples(read).values().stream().map(s -> s.get(0).length).toList());
    }

    @Test
    void aLowerIsBetterRowOfOneRunHasNoErrorAndNoSamples() {
        LoadRunRow fetches = new LoadRunRow("a.Stampede.run", Map.of("coalesce", "on"), false, 1, "fetches/burst",
                1, List.of(), 5, null, 0, 0, null);
        Measurement row = LoadRunRows.measurements(List.of(fetches)).get(0);
        assertEquals("avgt", row.mode());
        assertTrue(Double.isNaN(row.error()));
        assertEquals("1 load run of 5 s", row.runLength().describe());
        assertEquals(List.of(List.of()), List.copyOf(LoadRunRows.samples(List.of(fetches)).values()));
    }

    @Test
    void aRowThatContradictsItselfIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoadRunRow("a.X.run", Map.of(), true, 1, "req/s", 2,
                List.of(1.0), 1, null, 0, 0, null), "two load runs, one rate");
        assertThrows(IllegalArgumentException.class, () -> new LoadRunRow("a.X.run", Map.of(), true, Double.NaN,
                "req/s", 1, List.of(), 1, null, 0, 0, null), "NaN is not a measurement");
    }

    @Test
    void aFileThatIsNotAListOfRowsIsAnErrorNotAnEmptyRun() throws IOException {
        Path file = Files.writeString(LoadRunRow.fileOf(dir, "proxy"), "{\"benchmark\": \"a.X.run\"}");
        assertThrows(IOException.class, () -> LoadRunRow.read(file));
        assertThrows(IOException.class, () -> LoadRunRow.read(dir.resolve("missing-rows.json")));
    }
}
