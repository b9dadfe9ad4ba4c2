package designbench.proxy.proxy;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What the proxy refuses before it contacts any backend: malformed requests (as the decoder found them), requests
 * that would make it an open proxy, and requests beyond its limits. Pure logic over a decoded request head.
 */
final class RequestChecks {

    private RequestChecks() {
    }

    /** The answer to a request the decoder could not accept. */
    static Rejection malformed(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long", true);
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header section too large", true);
        }
        if (cause instanceof TooLongFrameException) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "message part too long", true);
        }
        return new Rejection(HttpResponseStatus.BAD_REQUEST, "malformed request: " + cause.getMessage(), true);
    }

    /**
     * Checks a well-formed request head; null when it may go on. May rewrite an absolute-form target for one of
     * this proxy's own names to origin form.
     */
    static Rejection check(HttpRequest request, Set<String> serverNames, long maxBodyBytes) {
        boolean hasBody = hasBody(request);
        if (request.method().equals(HttpMethod.CONNECT)) {
            return new Rejection(HttpResponseStatus.METHOD_NOT_ALLOWED, "CONNECT is refused: this is not an open "
                    + "proxy", true);
        }
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            int hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
            if (hosts != 1) {
                return new Rejection(HttpResponseStatus.BAD_REQUEST, "an HTTP/1.1 request needs exactly one Host "
                        + "header, this one has " + hosts, true);
            }
        }
        String target = request.uri();
        if (!target.startsWith("/")) {
            Rejection absolute = absoluteForm(request, serverNames);
            if (absolute != null) {
                return absolute;
            }
        }
        long length = HttpUtil.getContentLength(request, 0L);
        if (length > maxBodyBytes) {
            return new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "request body of " + length + " bytes is over the limit of " + maxBodyBytes, true);
        }
        String expect = request.headers().get(HttpHeaderNames.EXPECT);
        if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)) {
            return new Rejection(HttpResponseStatus.EXPECTATION_FAILED, "unsupported expectation: " + expect, hasBody);
        }
        return null;
    }

    /** Whether a request head announces a body (a length above zero, or chunked transfer coding). */
    static boolean hasBody(HttpRequest request) {
        return HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
    }

    private static Rejection absoluteForm(HttpRequest request, Set<String> serverNames) {
        String target = request.uri();
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "invalid request target", true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "request target must be a path or an absolute "
                    + "http URI", true);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!serverNames.contains(host)) {
            return new Rejection(HttpResponseStatus.FORBIDDEN, "requests for other hosts (" + host + ") are refused: "
                    + "this is not an open proxy", true);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        request.setUri(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        request.headers().set(HttpHeaderNames.HOST, uri.getRawAuthority());
        return null;
    }
}
