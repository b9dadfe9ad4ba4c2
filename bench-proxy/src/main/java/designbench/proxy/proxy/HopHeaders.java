package designbench.proxy.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.apache.hc.core5.http.HeaderElement;
import org.apache.hc.core5.http.message.BasicHeaderValueParser;
import org.apache.hc.core5.http.message.ParserCursor;

/** Header rewriting of a proxy hop: hop-by-hop headers out, forwarding headers in. */
final class HopHeaders {

    /** Identifies this proxy in Via headers. */
    static final String VIA = "1.1 designbench";

    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE);

    /**
     * Forwarding headers that only a proxy may set. A client that sends them would speak for the proxy: an origin that
     * builds links from X-Forwarded-Host into a cacheable answer would have that answer cached and served to everyone
     * (cache poisoning). The proxy drops what the client sent and sets its own values.
     */
    private static final List<String> PROXY_SET_ONLY = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Port",
            "X-Forwarded-Proto", "X-Forwarded-Server", "X-Real-IP");

    private HopHeaders() {
    }

    /** Removes the standard hop-by-hop headers and every header that a Connection header names. */
    static void strip(HttpHeaders headers) {
        for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (HeaderElement element : BasicHeaderValueParser.INSTANCE.parseElements(connection,
                    new ParserCursor(0, connection.length()))) {
                headers.remove(element.getName());
            }
        }
        for (CharSequence name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }

    /**
     * Sets the forwarding headers of a forwarded request: X-Forwarded-For with the client's address appended to what
     * came (the origin trusts only the last entry, ours), X-Forwarded-Proto {@code http}, X-Forwarded-Host the
     * request's Host (which the cache key holds), and Via; the other forwarding headers a client sent are dropped.
     */
    static void addForwarding(HttpHeaders headers, String clientAddress) {
        for (String name : PROXY_SET_ONLY) {
            headers.remove(name);
        }
        String forwardedFor = headers.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", "http");
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        addVia(headers);
    }

    static void addVia(HttpHeaders headers) {
        String via = headers.get(HttpHeaderNames.VIA);
        headers.set(HttpHeaderNames.VIA, via == null ? VIA : via + ", " + VIA);
    }
}
