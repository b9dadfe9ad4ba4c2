package designbench.proxy.cli;

import designbench.proxy.balance.Balancing;
import designbench.proxy.net.Address;
import designbench.proxy.proxy.ProxyConfig;
import designbench.proxy.proxy.ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code proxy}: the caching, load-balancing reverse proxy. */
@Command(name = "proxy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A caching, load-balancing, rate-limiting HTTP/1.1 reverse proxy.",
            "Options may be kept in a file, one per line, and given as @FILE."})
public final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--listen", required = true, converter = Units.AddressConverter.class,
            description = "where clients connect: HOST:PORT, [V6]:PORT or unix:PATH; repeatable")
    List<Address> listen;

    @Option(names = "--admin", converter = Units.AddressConverter.class,
            description = "where the admin endpoint (GET /metrics, Prometheus text) listens; none by default")
    Address admin;

    @Option(names = "--backend", required = true, converter = Units.AddressConverter.class,
            description = "a backend of group A (the only group without --backend-b); repeatable")
    List<Address> backends;

    @Option(names = "--backend-b", converter = Units.AddressConverter.class,
            description = "a backend of group B; with any, A/B routing is on; repeatable")
    List<Address> backendsB = List.of();

    @Option(names = "--balance", defaultValue = "ROUND_ROBIN",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Balancing balancing;

    @Option(names = "--ab-cookie", defaultValue = "ab", description = "A/B cookie name (default ${DEFAULT-VALUE})")
    String abCookie;

    @Option(names = "--ab-percent-b", defaultValue = "50",
            description = "share of new clients assigned to group B, %% (default ${DEFAULT-VALUE})")
    int abPercentB;

    @Option(names = "--cache-size", defaultValue = "64m", converter = Units.Size.class,
            description = "response cache size; 0 switches the cache off (default ${DEFAULT-VALUE})")
    long cacheBytes;

    @Option(names = "--no-cache", description = "switch the response cache off")
    boolean noCache;

    @Option(names = "--cache-max-object", defaultValue = "1m", converter = Units.Size.class,
            description = "largest body stored (default ${DEFAULT-VALUE})")
    long cacheMaxObject;

    @Option(names = "--no-coalesce", description = "let concurrent misses on one key all go to the backend")
    boolean noCoalesce;

    @Option(names = "--cache-authorized", description = "store responses to requests with Authorization")
    boolean cacheAuthorized;

    @Option(names = "--cache-set-cookie", description = "store responses that carry Set-Cookie")
    boolean cacheSetCookie;

    @Option(names = "--static-dir", description = "folder of static files to serve under --static-prefix")
    Path staticDir;

    @Option(names = "--static-prefix", defaultValue = "/static/", description = "(default ${DEFAULT-VALUE})")
    String staticPrefix;

    @Option(names = "--rate", defaultValue = "0",
            description = "requests per second per client address; 0: no limit (default 0)")
    long rate;

    @Option(names = "--burst", defaultValue = "0", description = "token-bucket size per client (default: --rate)")
    long burst;

    @Option(names = "--max-request-line", defaultValue = "8k", converter = Units.Size.class,
            description = "longest request line, 414 beyond (default ${DEFAULT-VALUE})")
    long maxRequestLine;

    @Option(names = "--max-header-size", defaultValue = "16k", converter = Units.Size.class,
            description = "largest header section, 431 beyond (default ${DEFAULT-VALUE})")
    long maxHeader;

    @Option(names = "--max-body-size", defaultValue = "16m", converter = Units.Size.class,
            description = "largest request body, 413 beyond (default ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--header-timeout", defaultValue = "10s", converter = Units.Time.class,
            description = "time to receive a request head once it started, 408 beyond (default ${DEFAULT-VALUE})")
    Duration headerTimeout;

    @Option(names = "--idle-timeout", defaultValue = "60s", converter = Units.Time.class,
            description = "idle client connections close after this (default ${DEFAULT-VALUE})")
    Duration idleTimeout;

    @Option(names = "--body-timeout", defaultValue = "60s", converter = Units.Time.class,
            description = "a request body not complete this long after its head gets 408; 0 for none "
                    + "(default ${DEFAULT-VALUE})")
    Duration bodyTimeout;

    @Option(names = "--connect-timeout", defaultValue = "2s", converter = Units.Time.class,
            description = "backend connect timeout (default ${DEFAULT-VALUE})")
    Duration connectTimeout;

    @Option(names = "--backend-timeout", defaultValue = "30s", converter = Units.Time.class,
            description = "longest backend silence while a response is due, 504 beyond (default ${DEFAULT-VALUE})")
    Duration backendTimeout;

    @Option(names = "--health-path", defaultValue = "/health", description = "(default ${DEFAULT-VALUE})")
    String healthPath;

    @Option(names = "--health-interval", defaultValue = "2s", converter = Units.Time.class,
            description = "active health-check interval; 0: none (default ${DEFAULT-VALUE})")
    Duration healthInterval;

    @Option(names = "--fail-timeout", defaultValue = "10s", converter = Units.Time.class,
            description = "without health checks, how long a failed backend stays out (default ${DEFAULT-VALUE})")
    Duration failTimeout;

    @Option(names = "--server-name", description = "a host name this proxy answers for in absolute-form targets, "
            + "besides localhost, 127.0.0.1 and [::1]; repeatable")
    List<String> serverNames = List.of();

    @Option(names = "--threads", defaultValue = "0", description = "event-loop threads (default: the CPU count)")
    int threads;

    @Override
    public Integer call() throws Exception {
        ProxyConfig.Builder b = ProxyConfig.builder();
        listen.forEach(b::listen);
        b.admin(admin);
        backends.forEach(b::backend);
        backendsB.forEach(b::backendB);
        serverNames.forEach(b::serverName);
        b.balancing(balancing).abCookie(abCookie).abPercentB(abPercentB)
                .cacheBytes(noCache ? 0 : cacheBytes).cacheMaxObject(intOption("--cache-max-object", cacheMaxObject))
                .coalesce(!noCoalesce).cacheAuthorized(cacheAuthorized).cacheSetCookie(cacheSetCookie)
                .rateLimit(rate, burst > 0 ? burst : Math.max(1, rate))
                .maxRequestLine(intOption("--max-request-line", maxRequestLine))
                .maxHeaderBytes(intOption("--max-header-size", maxHeader)).maxBodyBytes(maxBody)
                .headerTimeout(headerTimeout).idleTimeout(idleTimeout).bodyTimeout(bodyTimeout)
                .connectTimeout(connectTimeout)
                .backendTimeout(backendTimeout).healthPath(healthPath).healthInterval(healthInterval)
                .failTimeout(failTimeout);
        if (staticDir != null) {
            b.staticContent(staticPrefix, staticDir);
        }
        if (threads > 0) {
            b.threads(threads);
        }
        ProxyServer server = ProxyServer.start(b.build());
        System.out.println("proxy listening on " + server.addresses()
                + (server.adminAddresses().isEmpty() ? "" : ", admin on " + server.adminAddresses()));
        System.out.flush();
        Units.runUntilStopped(server::close);
        return 0;
    }

    private static int intOption(String name, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be under 2 GiB");
        }
        return (int) value;
    }
}
