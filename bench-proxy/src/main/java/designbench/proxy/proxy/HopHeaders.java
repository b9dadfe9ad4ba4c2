package designbench.proxy.proxy;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
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

    /**
     * The request as it goes to a backend: HTTP/1.1, hop-by-hop headers out, the proxy's forwarding headers in. The
     * request's own header map is rewritten (not copied: a copy of every header per request was 2 % of the event
     * loop) unless {@code keepOriginal}: a response that will be stored keeps the client's headers, since the cache
     * matches a stored response's Vary against them.
     */
    static HttpRequest forwardedRequest(HttpRequest request, String clientAddress, boolean keepOriginal) {
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        HttpHeaders headers = keepOriginal ? request.headers().copy() : request.headers();
        strip(headers);
        addForwarding(headers, clientAddress);
        HttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(), headers);
        if (chunked) {
            HttpUtil.setTransferEncodingChunked(out, true);
        }
        return out;
    }

    /**
     * A backend's response head made the head that goes to the client, in place: HTTP/1.1, hop-by-hop headers out,
     * Via in. Whatever the proxy needs of the backend's own head (its keep-alive, a copy for the cache) is taken
     * before.
     */
    static HttpResponse forwardedResponse(HttpResponse response) {
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        strip(response.headers());
        addVia(response.headers());
        return response;
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
