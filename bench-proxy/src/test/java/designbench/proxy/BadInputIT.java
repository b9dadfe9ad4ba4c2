package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input over a real socket: each case gets its status and a closed connection, and the origin never sees the
 * request, or a second request smuggled after it.
 */
class BadInputIT {

    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.start(b -> b.cacheBytes(0).maxRequestLine(1024).maxHeaderBytes(2048).maxBodyBytes(1000)
                .headerTimeout(Duration.ofMillis(300)).idleTimeout(Duration.ofMillis(600))
                .bodyTimeout(Duration.ofMillis(1500)));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("Content-Length with Transfer-Encoding", 400,
                        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "0\r\n\r\n" + SMUGGLED),
                Arguments.of("two different Content-Lengths", 400,
                        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 40\r\n\r\nhello"
                                + SMUGGLED),
                Arguments.of("Content-Length list", 400,
                        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5, 5\r\n\r\nhello" + SMUGGLED),
                Arguments.of("chunked not last", 400,
                        "POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked, identity\r\n\r\n"
                                + "0\r\n\r\n" + SMUGGLED),
                Arguments.of("space before colon", 400,
                        "POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
                Arguments.of("obs-fold", 400,
                        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n b\r\n\r\n" + SMUGGLED),
                Arguments.of("bare LF line ends", 400, "GET / HTTP/1.1\nHost: localhost\n\n" + SMUGGLED),
                Arguments.of("invalid chunk size", 400,
                        "POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0"
                                + "\r\n\r\n" + SMUGGLED),
                Arguments.of("chunk without CRLF after data", 400,
                        "POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n"
                                + "\r\n" + SMUGGLED),
                Arguments.of("garbage request line", 400, "HELLO\r\n\r\n"),
                Arguments.of("no Host", 400, "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n" + SMUGGLED),
                Arguments.of("two Hosts", 400, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" + SMUGGLED),
                Arguments.of("absolute-form to another host", 403,
                        "GET http://example.org/ HTTP/1.1\r\nHost: example.org\r\n\r\n"),
                Arguments.of("CONNECT", 405, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"),
                Arguments.of("request line too long", 414, "GET /" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("header section too large", 431,
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(3000) + "\r\n\r\n"),
                Arguments.of("body over the limit, by Content-Length", 413,
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"),
                Arguments.of("body over the limit, chunked", 413,
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" + "c".repeat(2000)
                                + "\r\n0\r\n\r\n"),
                Arguments.of("unknown expectation", 417,
                        "POST / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 3\r\n\r\nabc"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badRequests")
    void isRefusedAndTheConnectionClosed(String name, int status, String raw) throws Exception {
        long before = cluster.origin().requests();
        try (RawHttp client = RawHttp.connect(cluster.address())) {
            client.send(raw);
            RawHttp.Response response = client.next();
            assertNotNull(response, name + ": no response");
            assertEquals(status, response.status(), name + ": " + response.text());
            assertEquals("close", response.header("Connection"), name);
            assertTrue(client.closedWithin(Duration.ofSeconds(5)), name + ": connection left open");
            assertNull(client.next(), name + ": a second response (to a smuggled request?)");
        }
        // A request that did reach the origin would be recorded before the proxy answered it.
        assertEquals(before, cluster.origin().requests(), name + ": reached the origin");
        assertTrue(cluster.origin().received().stream().noneMatch(r -> r.uri().equals("/smuggled")));
    }

    @Test
    void aTricklingRequestHeadGets408() throws Exception {
        try (RawHttp client = RawHttp.connect(cluster.address())) {
            client.send("GET / HTTP/1.1\r\nHo");
            RawHttp.Response response = client.next();
            assertNotNull(response);
            assertEquals(408, response.status());
            assertTrue(client.closedWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aStalledRequestBodyGets408() throws Exception {
        try (RawHttp client = RawHttp.connect(cluster.address())) {
            client.send("POST /?echo=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            RawHttp.Response response = client.next();
            assertNotNull(response);
            assertEquals(408, response.status());
            assertTrue(client.closedWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aBodyTricklingInFasterThanTheIdleTimeoutStillGets408AtTheBodyTimeout() throws Exception {
        // A byte every 200 ms never lets the 600 ms idle timeout fire; the 1.5 s body timeout ends it.
        try (RawHttp client = RawHttp.connect(cluster.address())) {
            client.send("POST /?echo=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
            RawHttp.Response response = null;
            for (int i = 0; i < 40 && response == null; i++) {
                client.sendIfOpen("a");
                response = client.nextWithin(Duration.ofMillis(200));
            }
            assertNotNull(response, "no answer after 40 bytes over 8 s");
            assertEquals(408, response.status());
            assertTrue(client.closedWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void anIdleConnectionIsClosedWithoutAnswer() throws Exception {
        try (RawHttp client = RawHttp.connect(cluster.address())) {
            assertTrue(client.closedWithin(Duration.ofSeconds(5)));
            assertNull(client.next());
        }
    }

    @Test
    void theProxyStillServesAfterAllOfThat() throws Exception {
        assertEquals(200, cluster.get("/still-fine?size=3").status());
    }
}
