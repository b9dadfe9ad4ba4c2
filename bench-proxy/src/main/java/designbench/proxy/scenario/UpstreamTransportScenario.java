package designbench.proxy.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4, the IPC question end to end: clients reach the proxy over loopback TCP; the proxy reaches the origin
 * over loopback TCP or over a Unix domain socket, cache off. Maximum rate, and an open-loop run at half the TCP
 * maximum. Needs Netty's epoll transport (Linux) for the socket file.
 */
final class UpstreamTransportScenario implements Scenario {

    static final String BENCHMARK = "designbench.proxy.scenario.UpstreamTransport.run";

    @Override
    public String benchmark() {
        return BENCHMARK;
    }

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        String tcpOrigin = "127.0.0.1:" + ScenarioContext.freePort();
        String udsOrigin = "unix:" + context.work().resolve("origin.sock");
        String tcpProxy = "127.0.0.1:" + ScenarioContext.freePort();
        String udsProxy = "127.0.0.1:" + ScenarioContext.freePort();
        List<ScenarioRow> rows = new ArrayList<>();
        try (Spawned o = context.origin("origin", tcpOrigin, "--listen", udsOrigin);
             Spawned viaTcp = context.proxy("proxy-tcp", tcpProxy, "--backend", tcpOrigin, "--no-cache");
             Spawned viaUds = context.proxy("proxy-uds", udsProxy, "--backend", udsOrigin, "--no-cache")) {
            context.warmServers(tcpProxy);
            context.warmServers(udsProxy);
            ScenarioContext.Measured tcpMax = context.maxRate(tcpProxy);
            ScenarioContext.Measured udsMax = context.maxRate(udsProxy);
            rows.add(row("max", "tcp", tcpMax));
            rows.add(row("max", "uds", udsMax));
            double half = Math.max(1, tcpMax.report().achievedRate() / 2);
            rows.add(row("50%", "tcp", context.atRate(tcpProxy, half)));
            rows.add(row("50%", "uds", context.atRate(udsProxy, half)));
        }
        return rows;
    }

    private static ScenarioRow row(String load, String upstream, ScenarioContext.Measured measured) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("load", load);
        params.put("upstream", upstream);
        return new ScenarioRow(BENCHMARK, params, measured);
    }
}
