package designbench.proxy.scenario;

import designbench.proxy.load.LoadConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Scenario 2, what the cache buys: through the proxy with its cache on, over 1000 keys drawn uniformly, with the
 * origin (2 ms latency) marking 0, 50, 90 or 99 % of them cacheable, so that once the cache is warm the hit ratio
 * is about that share; the observed ratio (from X-Cache) is reported next to it. Per share: the maximum rate and an
 * open-loop run at half designbench's uncached maximum. With nginx installed, the same runs through nginx with
 * {@code proxy_cache} as the reference (scenario 8), in rows labelled with its version. The two proxies are
 * compared runs: repeated and interleaved as the profile says.
 */
final class CacheGain implements Scenario {

    static final int[] HIT_PERCENTS = {0, 50, 90, 99};
    /** A quick run's headline points: no hits and nearly all. */
    static final int[] HEADLINE_HIT_PERCENTS = {0, 99};
    /** Keys the clients draw uniformly. */
    static final int KEY_COUNT = 1000;
    /** The origin's time per answer. */
    static final int ORIGIN_MILLIS = 2;
    private static final UnaryOperator<LoadConfig> KEYS = config -> config.withKeys(KEY_COUNT, 0);

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        Optional<String> nginxVersion = Nginx.version();
        String nginxLabel = "nginx-" + nginxVersion.orElse("absent");
        double uncachedMax = 0;
        for (int percent : context.timing().headlinesOnly() ? HEADLINE_HIT_PERCENTS : HIT_PERCENTS) {
            String origin = "127.0.0.1:" + ScenarioContext.freePort();
            String proxy = "127.0.0.1:" + ScenarioContext.freePort();
            String nginxAddress = "127.0.0.1:" + ScenarioContext.freePort();
            try (Spawned o = context.origin("origin", origin, "--latency-ms", String.valueOf(ORIGIN_MILLIS),
                    "--cacheable-percent",
                    String.valueOf(percent), "--max-age", "600");
                 Spawned p = context.proxy("proxy", proxy, "--backend", origin);
                 AutoCloseable n = nginxVersion.isEmpty() ? () -> { }
                         : context.nginx("nginx-cache-hit" + percent, nginxAddress, origin, true)) {
                context.warmServers(proxy, KEYS);
                if (nginxVersion.isPresent()) {
                    context.warmServers(nginxAddress, KEYS);
                }
                List<ScenarioContext.Measured> max = nginxVersion.isPresent()
                        ? context.compared(context.max(proxy, KEYS), context.max(nginxAddress, KEYS))
                        : context.compared(context.max(proxy, KEYS));
                if (percent == 0) {
                    uncachedMax = max.get(0).rate();
                }
                double half = Math.max(1, uncachedMax / 2);
                List<ScenarioContext.Measured> atHalf = nginxVersion.isPresent()
                        ? context.compared(context.at(proxy, half, KEYS), context.at(nginxAddress, half, KEYS))
                        : context.compared(context.at(proxy, half, KEYS));
                rows.add(row("designbench", percent, "max", max.get(0)));
                rows.add(row("designbench", percent, "50%", atHalf.get(0)));
                if (nginxVersion.isPresent()) {
                    rows.add(row(nginxLabel, percent, "max", max.get(1)));
                    rows.add(row(nginxLabel, percent, "50%", atHalf.get(1)));
                } else {
                    rows.add(ScenarioRow.unavailable(benchmark(), params(nginxLabel, percent, "max"),
                            Nginx.absentReason()));
                }
            }
        }
        return rows;
    }

    private ScenarioRow row(String proxy, int percent, String load, ScenarioContext.Measured measured) {
        return new ScenarioRow(benchmark(), params(proxy, percent, load), measured);
    }

    private static Map<String, String> params(String proxy, int percent, String load) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("proxy", proxy);
        params.put("hitPercent", String.valueOf(percent));
        params.put("load", load);
        return params;
    }
}
