package designbench.proxy.cli;

import designbench.proxy.net.Address;
import designbench.proxy.origin.OriginConfig;
import designbench.proxy.origin.OriginServer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code origin}: the HTTP server that stands behind the proxy in benchmarks. */
@Command(name = "origin", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An HTTP/1.1 origin server for benchmarks: configurable size, latency, cacheability and "
                + "faults.",
            "Per request, query parameters override: size=N delay=MS chunked=1 cache=VALUE expires=S vary=NAME "
                + "setcookie=1 fail=stall|die|close pause=MS echo=1. /health always answers 200."})
public final class OriginCommand implements Callable<Integer> {

    @Option(names = "--listen", required = true, converter = Units.AddressConverter.class,
            description = "HOST:PORT, [V6]:PORT or unix:PATH; repeatable")
    List<Address> listen;

    @Option(names = "--name", description = "reported in the X-Origin header (default: the first address)")
    String name;

    @Option(names = "--size", defaultValue = "1024", converter = Units.Size.class,
            description = "response body bytes (default ${DEFAULT-VALUE})")
    long size;

    @Option(names = "--latency-ms", defaultValue = "0", description = "added latency in ms (default 0)")
    double latencyMillis;

    @Option(names = "--latency-exponential", description = "sample latency from an exponential distribution "
            + "with --latency-ms as its mean, instead of a fixed delay")
    boolean exponential;

    @Option(names = "--cacheable-percent", defaultValue = "100",
            description = "share of paths answered with Cache-Control: public, max-age (default 100); the rest "
                    + "get no-store")
    int cacheablePercent;

    @Option(names = "--max-age", defaultValue = "60", description = "max-age of cacheable responses, s (default 60)")
    int maxAge;

    @Option(names = "--fault", defaultValue = "NONE",
            description = "fail on purpose for every request: ${COMPLETION-CANDIDATES} (default NONE)")
    OriginConfig.Fault fault;

    @Option(names = "--threads", defaultValue = "1", description = "event-loop threads (default 1)")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--size must be under 2 GiB");
        }
        OriginConfig config = new OriginConfig(name != null ? name : listen.get(0).toString(), (int) size,
                latencyMillis, exponential, cacheablePercent, maxAge, fault);
        OriginServer server = OriginServer.start(config, listen, threads);
        System.out.println("origin listening on " + server.addresses());
        System.out.flush();
        Units.runUntilStopped(server::close);
        return 0;
    }
}
