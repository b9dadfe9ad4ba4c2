package designbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTablesTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() throws IOException {
        SuiteTables tables = new SuiteTables("cap", "quick: one partition", List.of(new SuiteTables.Table(
                "cap-availability", "Who answers", List.of("etcd: 0 % on the minority side"),
                List.of("system", "reads OK"), List.of(List.of("etcd", "0 %")), List.of("OK: answered"))));
        Path file = dir.resolve(SuiteTables.fileName("cap"));
        tables.write(file);
        assertEquals(tables, SuiteTables.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new SuiteTables.Table("t", "", List.of(),
                List.of("a", "b"), List.of(List.of("only one")), List.of()));
        assertTrue(error.getMessage().contains("1 cells for 2 columns"), error.getMessage());
    }

    @Test
    void aMalformedFileNamesItself() throws IOException {
        Path file = dir.resolve("bad-tables.json");
        Files.writeString(file, "{\"suite\": \"cap\", \"tables\": [{\"id\": \"x\", \"columns\": [\"a\"], "
                + "\"rows\": [[\"1\", \"2\"]]}]}");
        IOException error = assertThrows(IOException.class, () -> SuiteTables.read(file));
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
    }
}
