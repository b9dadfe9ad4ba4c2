package designbench.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line paths that run no suite. */
class BenchRunMainTest {
    @TempDir
    Path root;

    @Test
    void reindexOnlyRegeneratesThePageAndRunsNothing() throws IOException {
        Files.createDirectories(root.resolve("results/runs"));
        int exit = BenchRunMain.commandLine().execute("--root=" + root, "--reindex-only=true");
        assertEquals(0, exit);
        assertTrue(Files.readString(root.resolve("results/README.md")).startsWith("# designbench results"));
        try (Stream<Path> runs = Files.list(root.resolve("results/runs"))) {
            assertFalse(runs.findAny().isPresent(), "no run folder was written");
        }
    }
}
