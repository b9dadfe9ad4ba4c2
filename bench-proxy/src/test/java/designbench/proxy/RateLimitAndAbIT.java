package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.proxy.net.Address;
import designbench.proxy.origin.OriginConfig;
import designbench.proxy.origin.OriginServer;
import designbench.proxy.proxy.ProxyConfig;
import designbench.proxy.proxy.ProxyServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-client rate limiting and A/B routing, over real sockets. */
class RateLimitAndAbIT {

    @Test
    void aClientOverItsRateGets429WithRetryAfter() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0).rateLimit(1, 3))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, c.get("/ok").status(), "within the burst");
            }
            RawHttp.Response limited = c.get("/too-many");
            assertEquals(429, limited.status());
            assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
            assertEquals(3, c.origin().requests(), "refused requests never reach the backend");
            assertEquals(1.0, c.metric("designbench_proxy_rate_limited_total"));
        }
    }

    @Test
    void aNewClientIsAssignedAGroupAndStaysInIt() throws Exception {
        try (Ab ab = new Ab(50)) {
            RawHttp.Response first = RawHttp.get(ab.proxy.addresses().get(0), "/start");
            String setCookie = first.header("Set-Cookie");
            assertNotNull(setCookie);
            assertTrue(setCookie.startsWith("ab=a;") || setCookie.startsWith("ab=b;"), setCookie);
            String group = setCookie.substring(3, 4);
            assertEquals("group-" + group, first.header("X-Origin"));
            for (int i = 0; i < 10; i++) {
                RawHttp.Response next = RawHttp.get(ab.proxy.addresses().get(0), "/again", "Cookie: ab=" + group);
                assertEquals("group-" + group, next.header("X-Origin"));
                assertNull(next.header("Set-Cookie"), "no new assignment for a client that has one");
            }
        }
    }

    @Test
    void theSplitDecidesNewAssignments() throws Exception {
        try (Ab allB = new Ab(100)) {
            for (int i = 0; i < 5; i++) {
                assertEquals("group-b", RawHttp.get(allB.proxy.addresses().get(0), "/x").header("X-Origin"));
            }
        }
        try (Ab allA = new Ab(0)) {
            for (int i = 0; i < 5; i++) {
                assertEquals("group-a", RawHttp.get(allA.proxy.addresses().get(0), "/x").header("X-Origin"));
            }
            RawHttp.Response invalid = RawHttp.get(allA.proxy.addresses().get(0), "/x", "Cookie: ab=zzz");
            assertTrue(invalid.header("Set-Cookie").startsWith("ab=a;"), "an invalid cookie is reassigned");
        }
    }

    @Test
    void cachedResponsesAreKeptPerGroup() throws Exception {
        try (Ab ab = new Ab(50, 64L << 20)) {
            Address proxy = ab.proxy.addresses().get(0);
            assertEquals("group-a", RawHttp.get(proxy, "/page", "Cookie: ab=a").header("X-Origin"));
            RawHttp.Response b = RawHttp.get(proxy, "/page", "Cookie: ab=b");
            assertEquals("group-b", b.header("X-Origin"), "group B never gets group A's cached page");
            assertEquals("HIT", RawHttp.get(proxy, "/page", "Cookie: ab=b").header("X-Cache"));
        }
    }

    /** A proxy with one origin per group. */
    private static final class Ab implements AutoCloseable {
        final OriginServer a = OriginServer.start(OriginConfig.defaults("group-a"),
                List.of(new Address.Tcp("127.0.0.1", 0)), 1);
        final OriginServer b = OriginServer.start(OriginConfig.defaults("group-b"),
                List.of(new Address.Tcp("127.0.0.1", 0)), 1);
        final ProxyServer proxy;

        Ab(int percentB) {
            this(percentB, 0);
        }

        Ab(int percentB, long cacheBytes) {
            proxy = ProxyServer.start(ProxyConfig.builder().listen(new Address.Tcp("127.0.0.1", 0))
                    .backend(a.addresses().get(0)).backendB(b.addresses().get(0)).abPercentB(percentB)
                    .cacheBytes(cacheBytes).healthInterval(Duration.ZERO).threads(1).build());
        }

        @Override
        public void close() {
            proxy.close();
            a.close();
            b.close();
        }
    }
}
