package designbench.proxy.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 1, what a proxy in the path costs: straight to the origin and through the proxy with its cache off, at
 * origin latencies of 0 and 2 ms. Per path: the maximum rate (closed loop) and its check, an open-loop run at 95 %
 * of that path's own maximum (load {@code 95%max}: it carries that rate, or the maximum was too high), then
 * open-loop runs at 25, 50 and 75 % of the direct maximum (50 % only in a quick run), whose percentiles are timed
 * from each request's intended start.
 * With nginx installed, the same runs through nginx (cache off) as the reference (scenario 8), in rows labelled
 * with its version; without it, one row per origin latency says so. The paths of each load are compared runs:
 * repeated and interleaved as the profile says, the open-loop rates set from the direct maximum's median.
 */
final class ProxyCost implements Scenario {

    static final int[] ORIGIN_MILLIS = {0, 2};
    static final int[] LOAD_PERCENTS = {25, 50, 75};
    /** The open-loop check of each path's maximum runs at this share of it. */
    static final int CHECK_PERCENT = 95;
    /** A quick run's one open-loop point. */
    static final int HEADLINE_LOAD_PERCENT = 50;

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        Optional<String> nginxVersion = Nginx.version();
        for (int originMillis : ORIGIN_MILLIS) {
            String origin = "127.0.0.1:" + ScenarioContext.freePort();
            String proxy = "127.0.0.1:" + ScenarioContext.freePort();
            String nginxAddress = "127.0.0.1:" + ScenarioContext.freePort();
            String nginxPath = "nginx-" + nginxVersion.orElse("absent");
            try (Spawned o = context.origin("origin", origin, "--latency-ms", String.valueOf(originMillis));
                 Spawned p = context.proxy("proxy", proxy, "--backend", origin, "--no-cache");
                 AutoCloseable n = context.nginxIfInstalled(nginxVersion, "nginx-cost-origin" + originMillis + "ms",
                         nginxAddress, origin, Nginx.Caching.OFF)) {
                context.warmServers(proxy);
                if (nginxVersion.isPresent()) {
                    context.warmServers(nginxAddress);
                }
                List<ScenarioContext.Run> maxRuns = new ArrayList<>(List.of(context.max(origin), context.max(proxy)));
                nginxVersion.ifPresent(v -> maxRuns.add(context.max(nginxAddress)));
                List<ScenarioContext.Measured> max = context.compared(maxRuns);
                rows.add(row(originMillis, "max", "direct", max.get(0)));
                rows.add(row(originMillis, "max", "designbench", max.get(1)));
                if (nginxVersion.isPresent()) {
                    rows.add(row(originMillis, "max", nginxPath, max.get(2)));
                } else {
                    rows.add(ScenarioRow.unavailable(benchmark(), params(originMillis, "max", nginxPath),
                            Nginx.absentReason()));
                }
                // Each path's maximum, checked: an open-loop run just under it must carry its rate with bounded
                // latency, or the closed loop found more than the path can take.
                List<ScenarioContext.Run> checks = new ArrayList<>();
                List<String> addresses = new ArrayList<>(List.of(origin, proxy));
                nginxVersion.ifPresent(v -> addresses.add(nginxAddress));
                for (int i = 0; i < addresses.size(); i++) {
                    checks.add(context.at(addresses.get(i), Math.max(1, max.get(i).rate() * CHECK_PERCENT / 100)));
                }
                List<ScenarioContext.Measured> checked = context.compared(checks);
                String check = CHECK_PERCENT + "%max";
                rows.add(row(originMillis, check, "direct", checked.get(0)));
                rows.add(row(originMillis, check, "designbench", checked.get(1)));
                if (nginxVersion.isPresent()) {
                    rows.add(row(originMillis, check, nginxPath, checked.get(2)));
                }
                double direct = max.get(0).rate();
                for (int percent : context.timing().headlinesOnly() ? new int[] {HEADLINE_LOAD_PERCENT} : LOAD_PERCENTS) {
                    double rate = Math.max(1, direct * percent / 100);
                    String load = percent + "%";
                    List<ScenarioContext.Run> runs = new ArrayList<>(List.of(context.at(origin, rate),
                            context.at(proxy, rate)));
                    nginxVersion.ifPresent(v -> runs.add(context.at(nginxAddress, rate)));
                    List<ScenarioContext.Measured> measured = context.compared(runs);
                    rows.add(row(originMillis, load, "direct", measured.get(0)));
                    rows.add(row(originMillis, load, "designbench", measured.get(1)));
                    if (nginxVersion.isPresent()) {
                        rows.add(row(originMillis, load, nginxPath, measured.get(2)));
                    }
                }
            }
        }
        return rows;
    }

    private ScenarioRow row(int originMillis, String load, String path, ScenarioContext.Measured measured) {
        return new ScenarioRow(benchmark(), params(originMillis, load, path), measured);
    }

    private static Map<String, String> params(int originMillis, String load, String path) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("originMs", String.valueOf(originMillis));
        params.put("load", load);
        params.put("path", path);
        return params;
    }
}
