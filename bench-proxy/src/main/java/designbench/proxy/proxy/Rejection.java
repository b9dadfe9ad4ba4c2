package designbench.proxy.proxy;

import designbench.proxy.net.TextResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the proxy answers itself with an error, and whether the connection must close after it (always
 * after a malformed request, since what follows it on the connection cannot be trusted).
 */
record Rejection(HttpResponseStatus status, String reason, boolean close) {

    /** The answer: the status and reason as plain text, with Allow on a 405. */
    FullHttpResponse response() {
        FullHttpResponse response = TextResponse.of(status, status + ": " + reason + "\n");
        if (status.equals(HttpResponseStatus.METHOD_NOT_ALLOWED)) {
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
        }
        return response;
    }
}
