package designbench.proxy;

import designbench.contract.BenchmarkFailure;
import designbench.contract.FailureLog;
import designbench.contract.LoadRunRow;
import designbench.contract.Profile;
import designbench.proxy.cli.ScenariosCommand;
import designbench.proxy.scenario.ScenarioSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A very short run of every scenario, with real origin and proxy processes: each writes its rows in the contract's
 * load-run format, tagged latency histograms, and a failure record that lists only unavailable rows.
 */
class ScenarioSuiteIT {

    @Test
    void everyScenarioRunsAndWritesItsRows(@TempDir Path out) throws Exception {
        assertEquals(0, ScenarioSuite.run("proxy", Profile.SMOKE, ".*", out));
        List<LoadRunRow> rows = LoadRunRow.read(LoadRunRow.fileOf(out, "proxy"));
        assertTrue(rows.size() >= 8 + 8 + 4 + 2 + 4 + 6 + 3 + 1, "rows: " + rows.size());
        int scalingPoints = 0;
        for (LoadRunRow row : rows) {
            if (row.benchmark().endsWith("ProxyScaling.run") && !row.params().get("path").startsWith("nginx-")) {
                scalingPoints++;
            }
        }
        assertEquals(2 * 4, scalingPoints, "direct and designbench at the 4 headline connection counts");
        int spofRows = 0;
        for (LoadRunRow row : rows) {
            if (row.benchmark().contains("ProxySpof")) {
                // Zero is an answer here: the seconds after the only proxy died, a client of a flooded proxy.
                spofRows++;
                assertTrue(row.score() >= 0, row.toString());
            } else if (!row.benchmark().endsWith("FaultRecovery.run")) {
                assertTrue(row.score() > 0, row.toString());
            }
        }
        // The kill runs are shorter than a second in this profile, so they have no per-second rows.
        assertTrue(spofRows >= 6, "proxy-spof: the flood's 3 setups × 2 clients: " + spofRows);
        for (LoadRunRow row : rows) {
            if (row.benchmark().endsWith("Stampede.run")) {
                double fetches = row.score();
                if (row.params().get("coalesce").equals("on")) {
                    assertEquals(1.0, fetches, 0.01, "coalescing: one origin fetch per burst");
                } else {
                    assertTrue(fetches > 1, "without coalescing more than one fetch per burst: " + fetches);
                }
            }
        }
        List<BenchmarkFailure> failures = FailureLog.read(FailureLog.fileOf(out, "proxy"));
        for (BenchmarkFailure failure : failures) {
            assertTrue(failure.unavailable(), "only rows a missing tool makes unavailable: " + failure);
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
    private static void checkNginxRows(List<LoadRunRow> rows, List<BenchmarkFailure> failures, Path out)
            throws Exception {
        int nginxRows = 0;
        for (LoadRunRow row : rows) {
            Map<String, String> params = row.params();
            String proxy = params.getOrDefault("path", params.getOrDefault("proxy", ""));
            if (proxy.startsWith("nginx-")) {
                nginxRows++;
                assertTrue(row.score() > 0, row.toString());
                if ("99".equals(params.get("hitPercent")) && params.get("load").equals("max")) {
                    assertTrue(row.hitRatio() > 0.5, "nginx's cache hits at 99 % cacheable keys: " + row.hitRatio());
                }
            }
        }
        int absent = 0;
        for (BenchmarkFailure failure : failures) {
            if (failure.reason().contains("nginx is not installed")) {
                absent++;
            }
        }
        if (absent == 0) {
            assertEquals(6 + 8 + 4, nginxRows, "nginx rows: 3 cost runs (max, its check, 50 %) at 2 origin latencies, "
                    + "2 cache runs with and "
                    + "2 without proxy_cache_lock at the 2 headline shares, 4 scaling points");
            String cost = Files.readString(out.resolve("proxy-configs").resolve("nginx-cost-origin0ms.conf"));
            assertTrue(cost.contains("proxy_cache off;") && cost.contains("keepalive 64;")
                    && cost.contains("access_log off;") && cost.contains("worker_processes 1;"), cost);
            String cache = Files.readString(out.resolve("proxy-configs").resolve("nginx-cache-hit99.conf"));
            assertTrue(cache.contains("proxy_cache designbench;") && cache.contains("proxy_cache_lock on;"), cache);
            String unlocked = Files.readString(out.resolve("proxy-configs").resolve("nginx-nolock-cache-hit99.conf"));
            assertTrue(unlocked.contains("proxy_cache designbench;") && unlocked.contains("proxy_cache_lock off;"),
                    unlocked);
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
    private static void checkRepetitions(List<LoadRunRow> rows) {
        for (LoadRunRow row : rows) {
            String benchmark = row.benchmark();
            boolean compared = benchmark.endsWith("ProxyCost.run") || benchmark.endsWith("CacheGain.run")
                    || benchmark.endsWith("Balancing.run") || benchmark.endsWith("UpstreamTransport.run")
                    || benchmark.endsWith("GeneratorCheck.run");
            if (compared) {
                assertEquals(2, row.loadRuns(), row.toString());
                List<Double> rates = row.repetitionRates();
                assertEquals(2, rates.size(), row.toString());
                assertEquals((rates.get(0) + rates.get(1)) / 2, row.score(), 1e-6, row.toString());
                assertTrue(row.warmupSeconds() != null && row.warmupSeconds() > 0, row.toString());
            } else {
                assertEquals(1, row.loadRuns(), row.toString());
                assertTrue(row.repetitionRates().isEmpty(), row.toString());
            }
        }
    }

    @Test
    void anUnknownProfileIsRefusedAndWritesNothing(@TempDir Path out) {
        Path folder = out.resolve("run");
        CommandLine command = new CommandLine(new ScenariosCommand());
        IllegalArgumentException[] refused = new IllegalArgumentException[1];
        command.setExecutionExceptionHandler((error, cmd, parsed) -> {
            refused[0] = (IllegalArgumentException) error;
            return 2;
        });
        assertEquals(2, command.execute("--suite=proxy", "--profile=standrad", "--out=" + folder));
        assertTrue(refused[0].getMessage().contains("unknown bench.profile 'standrad'"), refused[0].getMessage());
        assertFalse(Files.exists(folder));
    }

    @Test
    void anIncludeThatSelectsNothingIsSaidSo(@TempDir Path out) throws Exception {
        assertEquals(3, ScenarioSuite.run("proxy", Profile.SMOKE, "NoSuchScenario", out));
    }
}
