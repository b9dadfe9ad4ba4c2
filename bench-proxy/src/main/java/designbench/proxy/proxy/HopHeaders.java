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

    /** Adds X-Forwarded-For (appending to what came), X-Forwarded-Proto and Via to a forwarded request. */
    static void addForwarding(HttpHeaders headers, String clientAddress) {
        String forwardedFor = headers.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", "http");
        addVia(headers);
    }

    static void addVia(HttpHeaders headers) {
        String via = headers.get(HttpHeaderNames.VIA);
        headers.set(HttpHeaderNames.VIA, via == null ? VIA : via + ", " + VIA);
    }
}
