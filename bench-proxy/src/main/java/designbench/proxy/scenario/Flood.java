package designbench.proxy.scenario;

import static designbench.proxy.scenario.ScenarioContext.fromHost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Scenario 7, a flood: the proxy limits each client address to 200 requests/s (burst 200). A well-behaved client
 * (127.0.0.1) sends 100 requests/s on a fixed timeline, first alone, then while a flooding client (127.0.0.2, a
 * closed loop over 32 connections) sends as fast as it can. The well-behaved client's rate, latency and errors; for
 * the flood, the rate of its requests the proxy let through to the origin (its answers that were not 429), with
 * the 429s as its errors.
 */
final class Flood implements Scenario {

    static final int LIMIT = 200;
    static final int POLITE_RATE = 100;

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        String origin = "127.0.0.1:" + ScenarioContext.freePort();
        String proxy = "127.0.0.1:" + ScenarioContext.freePort();
        List<ScenarioRow> rows = new ArrayList<>();
        try (Spawned o = context.origin("origin", origin, "--latency-ms", "1");
             Spawned p = context.proxy("proxy", proxy, "--backend", origin, "--no-cache", "--rate",
                     String.valueOf(LIMIT), "--burst", String.valueOf(LIMIT))) {
            context.atRate(proxy, POLITE_RATE, fromHost("127.0.0.3"));
            rows.add(row("polite", "off", context.atRate(proxy, POLITE_RATE, fromHost("127.0.0.1"))));
            CompletableFuture<ScenarioContext.Measured> flood = CompletableFuture.supplyAsync(() -> {
                try {
                    return context.maxRate(proxy, fromHost("127.0.0.2"));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            ScenarioContext.Measured polite = context.atRate(proxy, POLITE_RATE, fromHost("127.0.0.1"));
            rows.add(row("polite", "on", polite));
            ScenarioContext.Measured flooder = flood.join();
            long refused = flooder.report().errors().getOrDefault("status_4xx", 0L);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("client", "flood");
            params.put("flood", "on");
            rows.add(new ScenarioRow(benchmark(), params, flooder, true,
                    (flooder.report().completed() - refused) / flooder.report().seconds(), "req/s to origin"));
        }
        return rows;
    }

    private ScenarioRow row(String client, String flood, ScenarioContext.Measured measured) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client", client);
        params.put("flood", flood);
        return new ScenarioRow(benchmark(), params, measured);
    }
}
