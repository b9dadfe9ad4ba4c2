package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonReaderTest {
    @TempDir
    Path dir;

    @Test
    void aSweptRunGetsItsThreadKindAndCountAsParameters() throws IOException {
        Path json = Files.writeString(dir.resolve("threads.json"), """
                [{"benchmark": "a.LockedCounterBench.increment", "mode": "thrpt", "threads": 8,
                  "jvmArgs": ["--sun-misc-unsafe-memory-access=allow", "-Djmh.executor=VIRTUAL"],
                  "params": {"lock": "SYNCHRONIZED"},
                  "primaryMetric": {"score": 42.5, "scoreError": "NaN", "scoreUnit": "ops/us"}}]
                """);
        Measurement row = JmhJsonReader.read(json).get(0);
        assertEquals(Map.of("lock", "SYNCHRONIZED", "threadKind", "VIRTUAL", "threads", "8"), row.params());
        assertEquals("lock=SYNCHRONIZED threadKind=VIRTUAL threads=8", row.paramsLabel());
        assertTrue(Double.isNaN(row.error()), "JMH writes a missing error as the string NaN");
        assertEquals(42.5, row.score());
    }

    @Test
    void anOrdinaryRunKeepsOnlyItsOwnParameters() throws IOException {
        Path json = Files.writeString(dir.resolve("threads.json"), """
                [{"benchmark": "a.ThreadStartBench.startAndJoin", "mode": "avgt", "threads": 1,
                  "jvmArgs": [], "params": {"threadKind": "VIRTUAL"},
                  "primaryMetric": {"score": 30.0, "scoreError": 2.0, "scoreUnit": "us/op"}}]
                """);
        List<Measurement> rows = JmhJsonReader.read(json);
        assertEquals(Map.of("threadKind", "VIRTUAL"), rows.get(0).params());
    }

    @Test
    void somethingElseIsAClearError() throws IOException {
        Path json = Files.writeString(dir.resolve("threads.json"), "{\"not\": \"jmh\"}");
        IOException error = assertThrows(IOException.class, () -> JmhJsonReader.read(json));
        assertTrue(error.getMessage().contains("not a JMH JSON result"), error.getMessage());
    }
}
