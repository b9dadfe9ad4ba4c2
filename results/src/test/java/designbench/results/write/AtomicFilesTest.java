package designbench.results.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesWholeFileAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("summary.md");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");
        assertEquals("second", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void failsClearlyWhereTheFolderCannotBeMade() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("runs"), "a file, not a folder");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(notADirectory.resolve("x.md"), "lost?"));
        assertEquals("a file, not a folder", Files.readString(notADirectory));
    }
}
