package designbench.proxy.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Performance or scalability: closed-loop throughput by the number of concurrent connections, 1 to 256 (1, 4, 16,
 * 64 in a quick run), straight to the origin, through designbench's proxy (cache off, one event-loop thread) and
 * through nginx (cache off, one worker) when it is installed. At each connection count the three paths run as a
 * sweep point's repetitions, interleaved, so drift hits all alike. The results module fits the Universal
 * Scalability Law to each path's series: where throughput peaks, and whether a path is slow already at one
 * connection (a performance problem) or only stops growing under load (a scalability problem).
 */
final class ProxyScaling implements Scenario {

    static final int[] CONNECTIONS = {1, 2, 4, 8, 16, 32, 64, 128, 256};
    static final int[] HEADLINE_CONNECTIONS = {1, 4, 16, 64};

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        Optional<String> nginxVersion = Nginx.version();
        String nginxPath = "nginx-" + nginxVersion.orElse("absent");
        String origin = "127.0.0.1:" + ScenarioContext.freePort();
        String proxy = "127.0.0.1:" + ScenarioContext.freePort();
        String nginxAddress = "127.0.0.1:" + ScenarioContext.freePort();
        try (Spawned o = context.origin("origin", origin);
             Spawned p = context.proxy("proxy", proxy, "--backend", origin, "--no-cache");
             AutoCloseable n = context.nginxIfInstalled(nginxVersion, "nginx-scaling", nginxAddress, origin,
                     Nginx.Caching.OFF)) {
            context.warmServers(origin);
            context.warmServers(proxy);
            if (nginxVersion.isPresent()) {
                context.warmServers(nginxAddress);
            }
            for (int connections : context.timing().headlinesOnly() ? HEADLINE_CONNECTIONS : CONNECTIONS) {
                List<ScenarioContext.Measured> measured = nginxVersion.isPresent()
                        ? context.swept(context.maxAt(origin, connections), context.maxAt(proxy, connections),
                                context.maxAt(nginxAddress, connections))
                        : context.swept(context.maxAt(origin, connections), context.maxAt(proxy, connections));
                rows.add(row(connections, "direct", measured.get(0)));
                rows.add(row(connections, "designbench", measured.get(1)));
                if (nginxVersion.isPresent()) {
                    rows.add(row(connections, nginxPath, measured.get(2)));
                } else {
                    rows.add(ScenarioRow.unavailable(benchmark(), params(connections, nginxPath), Nginx.absentReason()));
                }
            }
        }
        return rows;
    }

    private ScenarioRow row(int connections, String path, ScenarioContext.Measured measured) {
        return new ScenarioRow(benchmark(), params(connections, path), measured);
    }

    private static Map<String, String> params(int connections, String path) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("connections", String.valueOf(connections));
        params.put("path", path);
        return params;
    }
}
