package designbench.proxy;

import designbench.proxy.net.Address;
import designbench.proxy.origin.OriginConfig;
import designbench.proxy.origin.OriginServer;
import designbench.proxy.proxy.ProxyConfig;
import designbench.proxy.proxy.ProxyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Origins on real loopback sockets and a proxy in front of them, for one test; closed afterwards. */
final class Cluster implements AutoCloseable {

    final List<OriginServer> origins = new ArrayList<>();
    final ProxyServer proxy;

    private Cluster(int originCount, Consumer<ProxyConfig.Builder> settings) {
        ProxyConfig.Builder builder = ProxyConfig.builder().listen(new Address.Tcp("127.0.0.1", 0))
                .admin(new Address.Tcp("127.0.0.1", 0)).threads(2).healthInterval(java.time.Duration.ZERO);
        try {
            for (int i = 0; i < originCount; i++) {
                OriginServer origin = OriginServer.start(OriginConfig.defaults("origin" + i),
                        List.of(new Address.Tcp("127.0.0.1", 0)), 1);
                origins.add(origin);
                builder.backend(origin.addresses().get(0));
            }
            settings.accept(builder);
            this.proxy = ProxyServer.start(builder.build());
        } catch (RuntimeException e) {
            origins.forEach(OriginServer::close);
            throw e;
        }
    }

    static Cluster start(int originCount, Consumer<ProxyConfig.Builder> settings) {
        return new Cluster(originCount, settings);
    }

    static Cluster start(Consumer<ProxyConfig.Builder> settings) {
        return new Cluster(1, settings);
    }

    Address address() {
        return proxy.addresses().get(0);
    }

    OriginServer origin() {
        return origins.get(0);
    }

    RawHttp.Response get(String target, String... headers) throws Exception {
        return RawHttp.get(address(), target, headers);
    }

    /** The admin endpoint's /metrics text. */
    String metrics() throws Exception {
        return RawHttp.get(proxy.adminAddresses().get(0), "/metrics").text();
    }

    /** The value of one metric line (name with labels, as printed), or -1 when absent. */
    double metric(String nameWithLabels) throws Exception {
        for (String line : metrics().split("\n")) {
            if (line.startsWith(nameWithLabels + " ")) {
                return Double.parseDouble(line.substring(nameWithLabels.length() + 1).trim());
            }
        }
        return -1;
    }

    @Override
    public void close() {
        proxy.close();
        origins.forEach(OriginServer::close);
    }
}
