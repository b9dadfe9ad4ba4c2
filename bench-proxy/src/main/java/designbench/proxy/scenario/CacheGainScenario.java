package designbench.proxy.scenario;

import designbench.proxy.load.LoadConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scenario 2, what the cache buys: through the proxy with its cache on, over 1000 keys drawn uniformly, with the
 * origin (2 ms latency) marking 0, 50, 90 or 99 % of them cacheable, so that once the cache is warm the hit ratio
 * is about that share; the observed ratio (from X-Cache) is reported next to it. Per share: the maximum rate and an
 * open-loop run at half the uncached maximum.
 */
final class CacheGainScenario implements Scenario {

    static final String BENCHMARK = "designbench.proxy.scenario.CacheGain.run";
    private static final int[] HIT_PERCENTS = {0, 50, 90, 99};
    private static final UnaryOperator<LoadConfig> KEYS = config -> config.withKeys(1000, 0);

    @Override
    public String benchmark() {
        return BENCHMARK;
    }

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        double uncachedMax = 0;
        for (int percent : HIT_PERCENTS) {
            String origin = "127.0.0.1:" + ScenarioContext.freePort();
            String proxy = "127.0.0.1:" + ScenarioContext.freePort();
            try (Spawned o = context.origin("origin", origin, "--latency-ms", "2", "--cacheable-percent",
                    String.valueOf(percent), "--max-age", "600");
                 Spawned p = context.proxy("proxy", proxy, "--backend", origin)) {
                context.warmServers(proxy, KEYS);
                ScenarioContext.Measured max = context.maxRate(proxy, KEYS);
                if (percent == 0) {
                    uncachedMax = max.report().achievedRate();
                }
                rows.add(row(percent, "max", max));
                double half = Math.max(1, uncachedMax / 2);
                rows.add(row(percent, "50%", context.atRate(proxy, half, KEYS)));
            }
        }
        return rows;
    }

    private static ScenarioRow row(int percent, String load, ScenarioContext.Measured measured) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hitPercent", String.valueOf(percent));
        params.put("load", load);
        return new ScenarioRow(BENCHMARK, params, measured);
    }
}
