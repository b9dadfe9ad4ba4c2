package designbench.proxy.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4, the IPC question end to end: clients reach the proxy over loopback TCP; the proxy reaches the origin
 * over loopback TCP or over a Unix domain socket, cache off. Maximum rate, and an open-loop run at half the TCP
 * maximum, the two transports as compared runs (repeated, interleaved). Needs Netty's epoll transport (Linux) for
 * the socket file.
 */
final class UpstreamTransport implements Scenario {


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
            List<ScenarioContext.Measured> max = context.compared(context.max(tcpProxy), context.max(udsProxy));
            rows.add(row("max", "tcp", max.get(0)));
            rows.add(row("max", "uds", max.get(1)));
            double half = Math.max(1, max.get(0).rate() / 2);
            List<ScenarioContext.Measured> atHalf = context.compared(context.at(tcpProxy, half),
                    context.at(udsProxy, half));
            rows.add(row("50%", "tcp", atHalf.get(0)));
            rows.add(row("50%", "uds", atHalf.get(1)));
        }
        return rows;
    }

    private ScenarioRow row(String load, String upstream, ScenarioContext.Measured measured) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("load", load);
        params.put("upstream", upstream);
        return new ScenarioRow(benchmark(), params, measured);
    }
}
