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
    void aScenarioRowKeepsItsOfferedRateErrorsAndHitRatioButNoProfilerMetrics() throws IOException {
        Path json = Files.writeString(dir.resolve("proxy.json"), """
                [{"benchmark": "a.CacheGain.run", "mode": "thrpt", "params": {"hitPercent": "90"},
                  "primaryMetric": {"score": 5000.0, "scoreError": "NaN", "scoreUnit": "req/s"},
                  "secondaryMetrics": {"offered": {"score": 0.0, "scoreUnit": "req/s"},
                                       "errors": {"score": 2, "scoreUnit": "#"},
                                       "hitRatio": {"score": "NaN", "scoreUnit": "ratio"},
                                       "gc.alloc.rate": {"score": 12.0, "scoreUnit": "MB/sec"}}}]
                """);
        Measurement row = JmhJsonReader.read(json).get(0);
        assertEquals(List.of("offered", "errors", "hitRatio"), List.copyOf(row.secondary().keySet().stream()
                .sorted(java.util.Comparator.comparing(Measurement.SCENARIO_METRICS::indexOf)).toList()));
        assertEquals(2.0, row.secondary().get("errors"));
        assertTrue(row.secondary().get("hitRatio").isNaN());
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
