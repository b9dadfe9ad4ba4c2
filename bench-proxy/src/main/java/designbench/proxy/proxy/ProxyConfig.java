package designbench.proxy.proxy;

import designbench.proxy.balance.Balancing;
import designbench.proxy.net.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the proxy is told. Built with {@link #builder()}; the defaults are those of the command line.
 *
 * @param listen             where clients connect (TCP and/or Unix domain sockets)
 * @param admin              where the admin endpoint (Prometheus metrics) listens; null: nowhere
 * @param groupA             backends of group A, the only group when A/B routing is off
 * @param groupB             backends of group B; empty: A/B routing off
 * @param abCookie           name of the cookie that holds a client's group, {@code a} or {@code b}
 * @param abPercentB         share of new clients sent to group B, 0..100
 * @param cacheBytes         response cache size in bytes; 0 switches the cache off
 * @param cacheMaxObject     largest body the cache stores
 * @param coalesce           whether concurrent misses on one key share one backend fetch
 * @param cacheAuthorized    whether responses to requests with Authorization may be stored
 * @param cacheSetCookie     whether responses carrying Set-Cookie may be stored
 * @param staticPrefix       path prefix served from {@code staticDir}
 * @param staticDir          folder of static files; null: no static content
 * @param ratePerSecond      requests per second allowed per client address; 0: no limit
 * @param burst              token-bucket capacity per client address
 * @param maxRequestLine     longest request line (414 beyond)
 * @param maxHeaderBytes     largest header section (431 beyond)
 * @param maxBodyBytes       largest request body (413 beyond)
 * @param headerTimeout      time allowed to receive a request's head once its first byte arrived (408)
 * @param idleTimeout        a connection with no request in flight and no bytes for this long is closed; a request
 *                           body that stalls this long gets 408
 * @param bodyTimeout        time allowed to receive a whole request body once its head arrived (408), so that a
 *                           body trickling in just faster than the idle timeout cannot hold a connection; zero: none
 * @param connectTimeout     time allowed to connect to a backend
 * @param backendTimeout     time a backend may stay silent while a response is due (504 when nothing was sent)
 * @param healthPath         path the active health check requests from each backend
 * @param healthInterval     interval of active health checks; zero: none (a failed backend returns after
 *                           {@code failTimeout})
 * @param failTimeout        how long a failed backend stays out when no health check probes it back
 * @param serverNames        host names this proxy answers for in absolute-form request targets
 * @param threads            event-loop threads, shared by client and backend connections
 */
public record ProxyConfig(List<Address> listen, Address admin, List<Address> groupA, List<Address> groupB,
                          Balancing balancing, String abCookie, int abPercentB,
                          long cacheBytes, int cacheMaxObject, boolean coalesce, boolean cacheAuthorized,
                          boolean cacheSetCookie, String staticPrefix, Path staticDir,
                          long ratePerSecond, long burst, int maxRequestLine, int maxHeaderBytes, long maxBodyBytes,
                          Duration headerTimeout, Duration idleTimeout, Duration bodyTimeout, Duration connectTimeout,
                          Duration backendTimeout, String healthPath, Duration healthInterval, Duration failTimeout,
                          Set<String> serverNames, int threads) {

    public ProxyConfig {
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("nothing to listen on: give at least one --listen address");
        }
        if (groupA.isEmpty()) {
            throw new IllegalArgumentException("no backend: give at least one --backend address");
        }
        if (abPercentB < 0 || abPercentB > 100) {
            throw new IllegalArgumentException("--ab-percent-b must be within 0..100: " + abPercentB);
        }
        if (ratePerSecond < 0 || (ratePerSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("--rate must be >= 0 and --burst >= 1");
        }
        if (staticDir != null && (staticPrefix == null || !staticPrefix.startsWith("/") || !staticPrefix.endsWith("/"))) {
            throw new IllegalArgumentException("--static-prefix must start and end with '/': " + staticPrefix);
        }
        listen = List.copyOf(listen);
        groupA = List.copyOf(groupA);
        groupB = List.copyOf(groupB);
        serverNames = Set.copyOf(serverNames);
    }

    public boolean cacheEnabled() {
        return cacheBytes > 0;
    }

    public boolean abEnabled() {
        return !groupB.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults as on the command line; every setter returns the builder. */
    public static final class Builder {
        private final List<Address> listen = new ArrayList<>();
        private Address admin;
        private final List<Address> groupA = new ArrayList<>();
        private final List<Address> groupB = new ArrayList<>();
        private Balancing balancing = Balancing.ROUND_ROBIN;
        private String abCookie = "ab";
        private int abPercentB = 50;
        private long cacheBytes = 64L << 20;
        private int cacheMaxObject = 1 << 20;
        private boolean coalesce = true;
        private boolean cacheAuthorized;
        private boolean cacheSetCookie;
        private String staticPrefix = "/static/";
        private Path staticDir;
        private long ratePerSecond;
        private long burst = 1;
        private int maxRequestLine = 8192;
        private int maxHeaderBytes = 16384;
        private long maxBodyBytes = 16L << 20;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration bodyTimeout = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration backendTimeout = Duration.ofSeconds(30);
        private String healthPath = "/health";
        private Duration healthInterval = Duration.ofSeconds(2);
        private Duration failTimeout = Duration.ofSeconds(10);
        private final Set<String> serverNames = new TreeSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        private int threads = Runtime.getRuntime().availableProcessors();

        public Builder listen(Address a) { listen.add(a); return this; }
        public Builder admin(Address a) { admin = a; return this; }
        public Builder backend(Address a) { groupA.add(a); return this; }
        public Builder backendB(Address a) { groupB.add(a); return this; }
        public Builder balancing(Balancing b) { balancing = b; return this; }
        public Builder abCookie(String name) { abCookie = name; return this; }
        public Builder abPercentB(int percent) { abPercentB = percent; return this; }
        public Builder cacheBytes(long bytes) { cacheBytes = bytes; return this; }
        public Builder cacheMaxObject(int bytes) { cacheMaxObject = bytes; return this; }
        public Builder coalesce(boolean on) { coalesce = on; return this; }
        public Builder cacheAuthorized(boolean on) { cacheAuthorized = on; return this; }
        public Builder cacheSetCookie(boolean on) { cacheSetCookie = on; return this; }
        public Builder staticContent(String prefix, Path dir) { staticPrefix = prefix; staticDir = dir; return this; }
        public Builder rateLimit(long perSecond, long burstSize) { ratePerSecond = perSecond; burst = burstSize; return this; }
        public Builder maxRequestLine(int bytes) { maxRequestLine = bytes; return this; }
        public Builder maxHeaderBytes(int bytes) { maxHeaderBytes = bytes; return this; }
        public Builder maxBodyBytes(long bytes) { maxBodyBytes = bytes; return this; }
        public Builder headerTimeout(Duration d) { headerTimeout = d; return this; }
        public Builder idleTimeout(Duration d) { idleTimeout = d; return this; }
        public Builder bodyTimeout(Duration d) { bodyTimeout = d; return this; }
        public Builder connectTimeout(Duration d) { connectTimeout = d; return this; }
        public Builder backendTimeout(Duration d) { backendTimeout = d; return this; }
        public Builder healthPath(String path) { healthPath = path; return this; }
        public Builder healthInterval(Duration d) { healthInterval = d; return this; }
        public Builder failTimeout(Duration d) { failTimeout = d; return this; }
        public Builder serverName(String name) { serverNames.add(name.toLowerCase(java.util.Locale.ROOT)); return this; }
        public Builder threads(int n) { threads = n; return this; }

        public ProxyConfig build() {
            return new ProxyConfig(listen, admin, groupA, groupB, balancing, abCookie, abPercentB, cacheBytes,
                    cacheMaxObject, coalesce, cacheAuthorized, cacheSetCookie, staticPrefix, staticDir,
                    ratePerSecond, burst, maxRequestLine, maxHeaderBytes, maxBodyBytes, headerTimeout, idleTimeout,
                    bodyTimeout, connectTimeout, backendTimeout, healthPath, healthInterval, failTimeout, serverNames,
                    threads);
        }
    }
}
