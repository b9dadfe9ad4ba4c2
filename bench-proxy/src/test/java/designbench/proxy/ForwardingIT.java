package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.proxy.net.Address;
import designbench.proxy.origin.OriginConfig;
import designbench.proxy.origin.OriginServer;
import designbench.proxy.origin.RecordedRequest;
import designbench.proxy.proxy.ProxyConfig;
import designbench.proxy.proxy.ProxyServer;
import designbench.proxy.net.Transports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding over real sockets: bodies both ways, header rewriting, keep-alive pooling, Unix domain sockets. */
class ForwardingIT {

    @Test
    void forwardsAResponseWholeAndReusesOneBackendConnection() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0)); RawHttp client = RawHttp.connect(c.address())) {
            for (int i = 0; i < 10; i++) {
                client.send(RawHttp.request("GET", "/k" + i + "?size=3000"));
                RawHttp.Response r = client.next();
                assertEquals(200, r.status());
                assertEquals(3000, r.body().length);
                assertEquals('a', r.body()[0]);
                assertNull(r.header("X-Cache"), "no X-Cache header when the cache is off");
            }
            assertEquals(10, c.origin().requests());
            assertEquals(1, c.origin().connectionsOpened(), "keep-alive: one pooled backend connection");
        }
    }

    @Test
    void stripsHopByHopHeadersAndAddsForwardingHeaders() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0))) {
            RawHttp.Response r = c.get("/echo?echo=1", "Connection: keep-alive, X-Secret-Hop", "X-Secret-Hop: 1",
                    "Keep-Alive: timeout=5", "TE: trailers", "Trailer: X-T", "Upgrade: websocket",
                    "Proxy-Authorization: Basic eDp5", "Proxy-Connection: keep-alive", "X-End-To-End: kept",
                    "X-Forwarded-For: 203.0.113.7");
            assertEquals(200, r.status());
            assertEquals("1.1 designbench", r.header("Via"));
            JsonNode echo = new ObjectMapper().readTree(r.body());
            StringBuilder names = new StringBuilder();
            echo.get("headers").forEach(h -> names.append(h.get(0).asText().toLowerCase()).append(' '));
            for (String hop : List.of("connection", "x-secret-hop", "keep-alive", "te", "trailer", "upgrade",
                    "proxy-authorization", "proxy-connection")) {
                assertFalse(names.toString().contains(hop + " "), hop + " reached the backend: " + names);
            }
            RecordedRequest seen = c.origin().received().get(0);
            assertEquals("kept", seen.headers().get("X-End-To-End"));
            assertEquals("203.0.113.7, 127.0.0.1", seen.headers().get("X-Forwarded-For"));
            assertEquals("http", seen.headers().get("X-Forwarded-Proto"));
            assertEquals("1.1 designbench", seen.headers().get("Via"));
        }
    }

    @Test
    void streamsLargeBodiesBothWays() throws Exception {
        int size = 5 << 20;
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0).maxBodyBytes(8 << 20));
             RawHttp client = RawHttp.connect(c.address())) {
            RawHttp.Response big = c.get("/big?chunked=1&size=" + size);
            assertEquals(200, big.status());
            assertEquals(size, big.body().length);

            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            client.send("POST /upload?echo=1 HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 32; i++) {
                client.send(Integer.toHexString(chunk.length) + "\r\n");
                client.send(chunk);
                client.send("\r\n");
            }
            client.send("0\r\n\r\n");
            RawHttp.Response echo = client.next();
            assertEquals(200, echo.status());
            assertEquals(32 * 64 * 1024, new ObjectMapper().readTree(echo.body()).get("bodyBytes").asInt());
        }
    }

    @Test
    void aSlowBodyReachesTheClientBeforeTheBackendFinishes() throws Exception {
        // The origin sends half the body, then pauses 3 s: a proxy that aggregated would hold back the first half.
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0));
             java.net.Socket socket = new java.net.Socket("127.0.0.1", ((Address.Tcp) c.address()).port())) {
            socket.getOutputStream().write(RawHttp.request("GET", "/slow?size=200000&pause=3000")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(2500);
            byte[] buffer = new byte[300_000];
            int got = 0;
            long deadline = System.nanoTime() + Duration.ofMillis(2000).toNanos();
            while (got < 100_000 && System.nanoTime() < deadline) {
                int n = socket.getInputStream().read(buffer, got, buffer.length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
            assertTrue(got >= 100_000, "half the body should arrive while the origin pauses; got " + got);
        }
    }

    @Test
    void aClientThatStopsReadingStopsTheProxyReadingFromTheBackend() throws Exception {
        // 256 MiB for a client that reads nothing: without backpressure the proxy would take it all from the
        // origin into its own memory; with it, the origin gets no further than the sockets' buffers.
        long size = 256L << 20;
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0));
             java.net.Socket socket = new java.net.Socket("127.0.0.1", ((Address.Tcp) c.address()).port())) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.getOutputStream().write(RawHttp.request("GET", "/huge?chunked=1&size=" + size)
                    .getBytes(StandardCharsets.ISO_8859_1));
            // Up to 15 s for the first bytes: a machine busy with other work may take long to get there.
            for (int i = 0; i < 300 && c.origin().bodyBytesSent() == 0; i++) {
                Thread.sleep(50);
            }
            long sent = -1;
            for (int i = 0; i < 40 && sent != c.origin().bodyBytesSent(); i++) {
                sent = c.origin().bodyBytesSent();
                Thread.sleep(250);
            }
            assertTrue(sent > 0, "the origin started sending");
            assertTrue(sent < 64L << 20, "the origin sent " + sent + " bytes to a proxy whose client reads nothing");
        }
    }

    @Test
    void anHttp10KeepAliveClientIsToldTheConnectionStaysOpen() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0)); RawHttp client = RawHttp.connect(c.address())) {
            client.send("GET /old?size=3 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            RawHttp.Response first = client.next();
            assertEquals("keep-alive", first.header("Connection"));
            client.send("GET /old?size=4 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals(4, client.next().body().length);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0)); RawHttp client = RawHttp.connect(c.address())) {
            client.send(RawHttp.request("GET", "/first?size=10&delay=200") + RawHttp.request("GET", "/second?size=20"));
            assertEquals(10, client.next().body().length);
            assertEquals(20, client.next().body().length);
        }
    }

    @Test
    void listensAndForwardsOnUnixDomainSockets(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Transports.epoll(), "Unix domain sockets need epoll (Linux)");
        Address originSocket = new Address.Unix(dir.resolve("origin.sock"));
        Address proxySocket = new Address.Unix(dir.resolve("proxy.sock"));
        try (OriginServer origin = OriginServer.start(OriginConfig.defaults("uds"), List.of(originSocket), 1);
             ProxyServer proxy = ProxyServer.start(ProxyConfig.builder().listen(proxySocket).backend(originSocket)
                     .healthInterval(Duration.ZERO).threads(1).build())) {
            RawHttp.Response r = RawHttp.get(proxySocket, "/over-uds?size=100");
            assertEquals(200, r.status());
            assertEquals(100, r.body().length);
            assertEquals("uds", r.header("X-Origin"));
            assertEquals("unix", origin.received().get(0).headers().get("X-Forwarded-For"));
        }
        assertFalse(Files.exists(proxySocket instanceof Address.Unix u ? u.file() : null),
                "socket file removed on close");
    }

    @Test
    void answersAbsoluteFormForItsOwnNameAsOriginForm() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0))) {
            RawHttp.Response r = c.get("http://localhost/own?size=5");
            assertEquals(200, r.status());
            assertNotNull(c.origin().received().get(0));
            assertEquals("/own?size=5", c.origin().received().get(0).uri());
        }
    }
}
