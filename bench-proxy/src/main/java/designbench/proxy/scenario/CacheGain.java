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
 * {@code proxy_cache} as the reference (scenario 8), in rows labelled with its version: once with
 * {@code proxy_cache_lock} (coalescing, as designbench does) and once without ({@code -nolock}), since the lock's
 * 500 ms re-check holds nginx back when nothing hits. The proxies are compared runs: repeated and interleaved as
 * the profile says.
 */
final class CacheGain implements Scenario {

    static final int[] HIT_PERCENTS = {0, 50, 90, 99};
    /** A quick run's headline points: no hits and nearly all. */
    static final int[] HEADLINE_HIT_PERCENTS = {0, 99};
    /** Keys the clients draw uniformly. */
    static final int KEY_COUNT = 1000;
    /** The origin's time per answer. */
    static final int ORIGIN_MILLIS = 2;
    /** Appended to nginx's label for its rows without {@code proxy_cache_lock}. */
    static final String UNLOCKED_SUFFIX = "-nolock";
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
            String nginxLocked = "127.0.0.1:" + ScenarioContext.freePort();
            String nginxUnlocked = "127.0.0.1:" + ScenarioContext.freePort();
            // Label and address of each proxy compared, designbench first.
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("designbench", proxy);
            if (nginxVersion.isPresent()) {
                targets.put(nginxLabel, nginxLocked);
                targets.put(nginxLabel + UNLOCKED_SUFFIX, nginxUnlocked);
            }
            try (Spawned o = context.origin("origin", origin, "--latency-ms", String.valueOf(ORIGIN_MILLIS),
                    "--cacheable-percent",
                    String.valueOf(percent), "--max-age", "600");
                 Spawned p = context.proxy("proxy", proxy, "--backend", origin);
                 AutoCloseable n = context.nginxIfInstalled(nginxVersion, "nginx-cache-hit" + percent, nginxLocked,
                         origin, Nginx.Caching.LOCKED);
                 AutoCloseable u = context.nginxIfInstalled(nginxVersion, "nginx-nolock-cache-hit" + percent,
                         nginxUnlocked, origin, Nginx.Caching.UNLOCKED)) {
                List<ScenarioContext.Run> maxRuns = new ArrayList<>();
                for (String address : targets.values()) {
                    context.warmServers(address, KEYS);
                    maxRuns.add(context.max(address, KEYS));
                }
                List<ScenarioContext.Measured> max = context.compared(maxRuns);
                if (percent == 0) {
                    uncachedMax = max.get(0).rate();
                }
                double half = Math.max(1, uncachedMax / 2);
                List<ScenarioContext.Run> halfRuns = new ArrayList<>();
                targets.values().forEach(address -> halfRuns.add(context.at(address, half, KEYS)));
                List<ScenarioContext.Measured> atHalf = context.compared(halfRuns);
                int i = 0;
                for (String label : targets.keySet()) {
                    rows.add(row(label, percent, "max", max.get(i)));
                    rows.add(row(label, percent, "50%", atHalf.get(i)));
                    i++;
                }
                if (nginxVersion.isEmpty()) {
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
