package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.proxy.balance.Backend;
import designbench.proxy.balance.Balancing;
import designbench.proxy.net.Address;
import designbench.proxy.origin.OriginConfig;
import designbench.proxy.origin.OriginServer;
import designbench.proxy.origin.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Load balancing, failure detection, failover and the answers to failing backends, over real sockets. */
class BalancingIT {

    @Test
    void roundRobinTakesEachBackendInTurn() throws Exception {
        try (Cluster c = Cluster.start(2, b -> b.cacheBytes(0))) {
            String previous = null;
            for (int i = 0; i < 6; i++) {
                String origin = c.get("/rr").header("X-Origin");
                assertTrue(!origin.equals(previous), "same backend twice in a row: " + origin);
                previous = origin;
            }
            assertEquals(3, c.origins.get(0).requests());
            assertEquals(3, c.origins.get(1).requests());
        }
    }

    @Test
    void leastConnectionsAvoidsTheBackendStillBusyWithASlowRequest() throws Exception {
        try (Cluster c = Cluster.start(2, b -> b.cacheBytes(0).balancing(Balancing.LEAST_CONNECTIONS))) {
            OriginServer slow = c.origins.get(0);
            slow.reconfigure(slow.config().withLatency(3000, false));
            // Send requests in the background until one is held by the slow backend.
            for (int i = 0; i < 10 && slow.requests() == 0; i++) {
                CompletableFuture.runAsync(() -> {
                    try {
                        c.get("/hold");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                waitUntil(() -> slow.requests() > 0 || c.origins.get(1).requests() > 0, Duration.ofSeconds(5));
            }
            assertEquals(1, slow.requests());
            // The quick backend's earlier requests may still be on their way back on a busy machine: the slow one
            // must be the only one with a request in flight when the choice is made.
            Backend quick = c.proxy.allBackends().get(1);
            waitUntil(() -> quick.inFlight() == 0, Duration.ofSeconds(5));
            for (int i = 0; i < 4; i++) {
                assertEquals("origin1", c.get("/quick").header("X-Origin"));
            }
        }
    }

    @Test
    void anIdempotentRequestFailsOverWhenABackendIsKilled() throws Exception {
        try (Cluster c = Cluster.start(2, b -> b.cacheBytes(0))) {
            assertEquals(200, c.get("/warm").status());
            assertEquals(200, c.get("/warm").status());
            c.origins.get(1).close();
            for (int i = 0; i < 6; i++) {
                RawHttp.Response r = c.get("/after-kill");
                assertEquals(200, r.status());
                assertEquals("origin0", r.header("X-Origin"));
            }
            assertEquals(0.0, c.metric(backendMetric("designbench_proxy_backend_up", c, 1)), "taken out");
            assertTrue(c.metric("designbench_proxy_retries_total") >= 1);
        }
    }

    @Test
    void aKilledBackendIsProbedBackIn() throws Exception {
        try (Cluster c = Cluster.start(2, b -> b.cacheBytes(0).healthInterval(Duration.ofMillis(200)))) {
            Address second = c.proxy.allBackends().get(1).address();
            String up = backendMetric("designbench_proxy_backend_up", c, 1);
            c.origins.get(1).close();
            waitUntil(() -> metric(c, up) == 0.0, Duration.ofSeconds(10));
            assertEquals(0.0, c.metric(up));
            try (OriginServer again = OriginServer.start(OriginConfig.defaults("again"), List.of(second), 1)) {
                waitUntil(() -> metric(c, up) == 1.0, Duration.ofSeconds(10));
                assertEquals(1.0, c.metric(up));
                boolean reached = false;
                for (int i = 0; i < 4; i++) {
                    reached |= "again".equals(c.get("/back").header("X-Origin"));
                }
                assertTrue(reached, "the backend probed back in gets requests again");
            }
        }
    }

    @Test
    void aRefusingBackendGets502() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0))) {
            c.origin().close();
            assertEquals(502, c.get("/nobody-home").status());
        }
    }

    @Test
    void aBackendThatDropsEveryConnectionGets502AndIsTakenOut() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0))) {
            c.origin().reconfigure(c.origin().config().withFault(OriginConfig.Fault.REFUSE));
            assertEquals(502, c.get("/dropped").status());
            assertEquals(0, c.origin().requests(), "the origin read nothing");
            assertTrue(c.metric(backendMetric("designbench_proxy_backend_errors_total", c, 0)) >= 1);
        }
    }

    @Test
    void aPipelinedRequestAfterA502IsStillAnswered() throws Exception {
        try (Cluster c = Cluster.start(2, b -> b.cacheBytes(0)); RawHttp client = RawHttp.connect(c.address())) {
            client.send(RawHttp.request("GET", "/close?fail=close") + RawHttp.request("GET", "/next?size=7"));
            assertEquals(502, client.next().status());
            RawHttp.Response next = client.next();
            assertEquals(200, next.status());
            assertEquals(7, next.body().length);
        }
    }

    @Test
    void aSilentBackendGets504() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0).backendTimeout(Duration.ofMillis(300)))) {
            assertEquals(504, c.get("/stall?fail=stall").status());
        }
    }

    @Test
    void aBackendThatDiesMidBodyClosesTheClientConnection() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0)); RawHttp client = RawHttp.connect(c.address())) {
            client.send(RawHttp.request("GET", "/die?fail=die&size=100000"));
            assertNull(client.next(), "a truncated body must not arrive as a complete response");
            assertTrue(client.closedWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void anIdempotentRequestIsRetriedOnceAndAPostNever() throws Exception {
        try (Cluster c = Cluster.start(2, b -> b.cacheBytes(0))) {
            assertEquals(502, c.get("/close?fail=close").status());
            assertEquals(2, c.origins.get(0).requests() + c.origins.get(1).requests(), "one try and one retry");
            for (OriginServer origin : c.origins) {
                // The retry sends the request as the first try did: the forwarding headers added once.
                RecordedRequest seen = origin.received().get(0);
                assertEquals("127.0.0.1", seen.headers().get("X-Forwarded-For"));
                assertEquals("1.1 designbench", seen.headers().get("Via"));
            }
            try (RawHttp client = RawHttp.connect(c.address())) {
                client.send("POST /close?fail=close HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi");
                assertEquals(502, client.next().status());
            }
            assertEquals(3, c.origins.get(0).requests() + c.origins.get(1).requests(), "a POST is not retried");
        }
    }

    private static String backendMetric(String name, Cluster c, int index) {
        return name + "{backend=\"" + c.proxy.allBackends().get(index).address() + "\",group=\"a\"}";
    }

    private static double metric(Cluster c, String line) {
        try {
            return c.metric(line);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
