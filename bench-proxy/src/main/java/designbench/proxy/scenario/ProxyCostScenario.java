package designbench.proxy.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1, what a proxy in the path costs: straight to the origin and through the proxy with its cache off, at
 * origin latencies of 0 and 2 ms. Per path: the maximum rate (closed loop), then open-loop runs at 25, 50 and 75 %
 * of the direct maximum (50 % only in a quick run), whose percentiles are timed from each request's intended start.
 */
final class ProxyCostScenario implements Scenario {

    static final String BENCHMARK = "designbench.proxy.scenario.ProxyCost.run";
    private static final int[] ORIGIN_MILLIS = {0, 2};
    private static final int[] LOAD_PERCENTS = {25, 50, 75};

    @Override
    public String benchmark() {
        return BENCHMARK;
    }

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        for (int originMillis : ORIGIN_MILLIS) {
            String origin = "127.0.0.1:" + ScenarioContext.freePort();
            String proxy = "127.0.0.1:" + ScenarioContext.freePort();
            try (Spawned o = context.origin("origin", origin, "--latency-ms", String.valueOf(originMillis));
                 Spawned p = context.proxy("proxy", proxy, "--backend", origin, "--no-cache")) {
                context.warmServers(proxy);
                ScenarioContext.Measured directMax = context.maxRate(origin);
                ScenarioContext.Measured proxyMax = context.maxRate(proxy);
                rows.add(row(originMillis, "max", "direct", directMax));
                rows.add(row(originMillis, "max", "proxy", proxyMax));
                double direct = directMax.report().achievedRate();
                for (int percent : context.timing().headlinesOnly() ? new int[] {50} : LOAD_PERCENTS) {
                    double rate = Math.max(1, direct * percent / 100);
                    rows.add(row(originMillis, percent + "%", "direct", context.atRate(origin, rate)));
                    rows.add(row(originMillis, percent + "%", "proxy", context.atRate(proxy, rate)));
                }
            }
        }
        return rows;
    }

    private static ScenarioRow row(int originMillis, String load, String path, ScenarioContext.Measured measured) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("originMs", String.valueOf(originMillis));
        params.put("load", load);
        params.put("path", path);
        return new ScenarioRow(BENCHMARK, params, measured);
    }
}
