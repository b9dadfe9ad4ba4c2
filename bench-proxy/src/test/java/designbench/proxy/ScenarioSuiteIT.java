package designbench.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.proxy.scenario.ScenarioSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A very short run of every scenario, with real origin and proxy processes: each writes its rows as JMH-format
 * JSON, tagged latency histograms, and an empty failure record.
 */
class ScenarioSuiteIT {

    @Test
    void everyScenarioRunsAndWritesItsRows(@TempDir Path out) throws Exception {
        assertEquals(0, ScenarioSuite.run("proxy", "smoke", ".*", out));
        JsonNode rows = new ObjectMapper().readTree(out.resolve("proxy.json").toFile());
        assertTrue(rows.size() >= 8 + 8 + 4 + 2 + 4 + 6 + 3 + 1, "rows: " + rows.size());
        int scalingPoints = 0;
        for (JsonNode row : rows) {
            if (row.get("benchmark").asText().endsWith("ProxyScaling.run")
                    && !row.get("params").get("path").asText().startsWith("nginx-")) {
                scalingPoints++;
            }
        }
        assertEquals(2 * 4, scalingPoints, "direct and designbench at the 4 headline connection counts");
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
        JsonNode failures = new ObjectMapper().readTree(out.resolve("proxy-failures.json").toFile());
        for (JsonNode failure : failures) {
            assertTrue(failure.get("unavailable").asBoolean(), "only rows a missing tool makes unavailable: " + failure);
        }
        checkNginxRows(rows, failures, out);
        checkRepetitions(rows);
        String log = Files.readString(out.resolve("proxy-histograms").resolve("ProxyCost.hlog"));
        assertTrue(log.contains("Tag=designbench.proxy.scenario.ProxyCost.run?load=max&originMs=0&path=direct"), log);
    }

    /**
     * With nginx installed (scripts/install-nginx.sh; CI installs it), the cost and cache scenarios have nginx rows
     * and keep nginx's configs in the run folder, and its cache hits; without it, unavailable rows say why.
     */
    private static void checkNginxRows(JsonNode rows, JsonNode failures, Path out) throws Exception {
        int nginxRows = 0;
        for (JsonNode row : rows) {
            JsonNode params = row.get("params");
            String proxy = params.has("path") ? params.get("path").asText()
                    : params.has("proxy") ? params.get("proxy").asText() : "";
            if (proxy.startsWith("nginx-")) {
                nginxRows++;
                assertTrue(row.get("primaryMetric").get("score").asDouble() > 0, row.toString());
                if (params.has("hitPercent") && params.get("hitPercent").asText().equals("99")
                        && params.get("load").asText().equals("max")) {
                    double hits = row.get("secondaryMetrics").get("hitRatio").get("score").asDouble();
                    assertTrue(hits > 0.5, "nginx's cache hits at 99 % cacheable keys: " + hits);
                }
            }
        }
        int absent = 0;
        for (JsonNode failure : failures) {
            if (failure.get("reason").asText().contains("nginx is not installed")) {
                absent++;
            }
        }
        if (absent == 0) {
            assertEquals(4 + 4 + 4, nginxRows, "nginx rows: 2 cost runs at 2 origin latencies, 2 cache runs at the 2 "
                    + "headline shares, 4 scaling points");
            String cost = Files.readString(out.resolve("proxy-configs").resolve("nginx-cost-origin0ms.conf"));
            assertTrue(cost.contains("proxy_cache off;") && cost.contains("keepalive 64;")
                    && cost.contains("access_log off;") && cost.contains("worker_processes 1;"), cost);
            String cache = Files.readString(out.resolve("proxy-configs").resolve("nginx-cache-hit99.conf"));
            assertTrue(cache.contains("proxy_cache designbench;") && cache.contains("proxy_cache_lock on;"), cache);
        } else {
            assertEquals(0, nginxRows);
            assertEquals(2 + 2 + 4, absent, "one unavailable row per cost origin latency, per headline cache share "
                    + "and per scaling point");
        }
    }

    /**
     * The smoke profile repeats compared runs twice: their rows state 2 load runs and hold both rates, whose median
     * is the score and whose range is the interval; sweep points and single runs (fault, flood) state one run.
     */
    private static void checkRepetitions(JsonNode rows) {
        for (JsonNode row : rows) {
            String benchmark = row.get("benchmark").asText();
            JsonNode primary = row.get("primaryMetric");
            boolean compared = benchmark.endsWith("ProxyCost.run") || benchmark.endsWith("CacheGain.run")
                    || benchmark.endsWith("Balancing.run") || benchmark.endsWith("UpstreamTransport.run")
                    || benchmark.endsWith("GeneratorCheck.run");
            if (compared) {
                assertEquals(2, row.get("loadRuns").asInt(), row.toString());
                JsonNode rates = primary.get("rawData").get(0);
                assertEquals(2, rates.size(), row.toString());
                double low = Math.min(rates.get(0).asDouble(), rates.get(1).asDouble());
                double high = Math.max(rates.get(0).asDouble(), rates.get(1).asDouble());
                assertEquals((low + high) / 2, primary.get("score").asDouble(), 1e-6, row.toString());
                assertEquals(low, primary.get("scoreConfidence").get(0).asDouble(), 1e-6, row.toString());
                assertEquals((high - low) / 2, primary.get("scoreError").asDouble(), 1e-6, row.toString());
            } else {
                assertEquals(1, row.get("loadRuns").asInt(), row.toString());
                assertTrue(!primary.has("rawData"), row.toString());
            }
        }
    }

    @Test
    void anUnknownProfileIsRefusedAndWritesNothing(@TempDir Path out) {
        Path folder = out.resolve("run");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ScenarioSuite.run("proxy", "standrad", ".*", folder));
        assertTrue(refused.getMessage().contains("unknown bench.profile 'standrad'"), refused.getMessage());
        assertFalse(Files.exists(folder));
    }

    @Test
    void anIncludeThatSelectsNothingIsSaidSo(@TempDir Path out) throws Exception {
        assertEquals(3, ScenarioSuite.run("proxy", "smoke", "NoSuchScenario", out));
    }
}
