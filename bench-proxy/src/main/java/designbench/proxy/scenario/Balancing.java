package designbench.proxy.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5, load balancing: 1, 2 and 4 origins behind one proxy (cache off), round-robin against
 * least-connections. With two or more, one origin is slow (20 ms per answer against 1 ms for the others), which is
 * where the two policies part: round-robin keeps sending it its share, least-connections sends it less. The two
 * policies' proxies run side by side in front of the same origins, as compared runs (repeated, interleaved).
 */
final class Balancing implements Scenario {

    static final int[] ORIGINS = {1, 2, 4};
    /** With two or more origins, the first answers in SLOW_MILLIS and the others in FAST_MILLIS. */
    static final int SLOW_MILLIS = 20;
    static final int FAST_MILLIS = 1;

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        for (int count : ORIGINS) {
            List<Spawned> origins = new ArrayList<>();
            List<String> backends = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    String address = "127.0.0.1:" + ScenarioContext.freePort();
                    String latency = String.valueOf(count > 1 && i == 0 ? SLOW_MILLIS : FAST_MILLIS);
                    origins.add(context.origin("origin" + i, address, "--latency-ms", latency));
                    backends.add(address);
                }
                List<String> balances = List.of("round_robin", "least_connections");
                List<Spawned> proxies = new ArrayList<>();
                try {
                    List<ScenarioContext.Run> runs = new ArrayList<>();
                    for (String balance : balances) {
                        List<String> options = new ArrayList<>(List.of("--no-cache", "--balance", balance));
                        backends.forEach(b -> options.addAll(List.of("--backend", b)));
                        String proxy = "127.0.0.1:" + ScenarioContext.freePort();
                        proxies.add(context.proxy("proxy-" + balance, proxy, options.toArray(String[]::new)));
                        context.warmServers(proxy);
                        runs.add(context.max(proxy));
                    }
                    List<ScenarioContext.Measured> measured = context.compared(runs);
                    for (int i = 0; i < balances.size(); i++) {
                        rows.add(row(count, balances.get(i), measured.get(i)));
                    }
                } finally {
                    proxies.forEach(Spawned::close);
                }
            } finally {
                origins.forEach(Spawned::close);
            }
        }
        return rows;
    }

    private ScenarioRow row(int origins, String balance, ScenarioContext.Measured measured) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("origins", String.valueOf(origins));
        params.put("slow", origins > 1 ? "1" : "0");
        params.put("balance", balance);
        return new ScenarioRow(benchmark(), params, measured);
    }
}
