package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.proxy.scenario.ScenarioSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A very short run of every scenario, with real origin and proxy processes: each writes its rows as JMH-format
 * JSON, tagged latency histograms, and an empty failure record.
 */
class ScenarioSuiteIT {

    @Test
    void everyScenarioRunsAndWritesItsRows(@TempDir Path out) throws Exception {
        assertEquals(0, ScenarioSuite.run("proxy", "smoke", ".*", out));
        JsonNode rows = new ObjectMapper().readTree(out.resolve("proxy.json").toFile());
        assertTrue(rows.size() >= 8 + 8 + 2 + 4 + 6 + 3 + 1, "rows: " + rows.size());
        for (JsonNode row : rows) {
            if (!row.get("benchmark").asText().endsWith("FaultRecovery.run")) {
                assertTrue(row.get("primaryMetric").get("score").asDouble() > 0, row.toString());
            }
        }
        for (JsonNode row : rows) {
            if (row.get("benchmark").asText().endsWith("Stampede.run")) {
                double fetches = row.get("primaryMetric").get("score").asDouble();
                if (row.get("params").get("coalesce").asText().equals("on")) {
                    assertEquals(1.0, fetches, 0.01, "coalescing: one origin fetch per burst");
                } else {
                    assertTrue(fetches > 1, "without coalescing more than one fetch per burst: " + fetches);
                }
            }
        }
        assertEquals(0, new ObjectMapper().readTree(out.resolve("proxy-failures.json").toFile()).size());
        String log = Files.readString(out.resolve("proxy-histograms").resolve("ProxyCost.hlog"));
        assertTrue(log.contains("Tag=designbench.proxy.scenario.ProxyCost.run?load=max&originMs=0&path=direct"), log);
    }

    @Test
    void anIncludeThatSelectsNothingIsSaidSo(@TempDir Path out) throws Exception {
        assertEquals(3, ScenarioSuite.run("proxy", "smoke", "NoSuchScenario", out));
    }
}
