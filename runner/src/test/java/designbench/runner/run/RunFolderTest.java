package designbench.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path runs;

    @Test
    void stagesHiddenThenPublishesInOneRename() throws IOException {
        RunFolder folder = RunFolder.create(runs, "m", "2026-11-28T04-00-00Z");
        assertTrue(folder.workingDir().getFileName().toString().startsWith("."));
        Files.writeString(folder.workingDir().resolve("summary.md"), "x");
        Path published = folder.finish();
        assertEquals(runs.resolve("m/2026-11-28T04-00-00Z"), published);
        assertEquals("x", Files.readString(published.resolve("summary.md")));
        assertFalse(Files.exists(folder.workingDir()));
    }

    @Test
    void anExistingRunIsNeverTouched() throws IOException {
        Path existing = Files.createDirectories(runs.resolve("m/2026-11-28T04-00-00Z"));
        Files.writeString(existing.resolve("summary.md"), "earlier");
        assertThrows(FileAlreadyExistsException.class, () -> RunFolder.create(runs, "m", "2026-11-28T04-00-00Z"));
        assertEquals("earlier", Files.readString(existing.resolve("summary.md")));
    }

    @Test
    void aRunsPathThatIsAFileFailsBeforeAnythingRuns() throws IOException {
        Path notAFolder = Files.writeString(runs.resolve("blocked"), "a file");
        IOException error = assertThrows(IOException.class, () -> RunFolder.create(notAFolder, "m", "r"));
        assertTrue(error.getMessage() != null && !error.getMessage().isBlank());
    }
}
