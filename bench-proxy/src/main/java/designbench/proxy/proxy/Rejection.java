package designbench.proxy.proxy;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the proxy answers itself with an error, and whether the connection must close after it (always
 * after a malformed request, since what follows it on the connection cannot be trusted).
 */
record Rejection(HttpResponseStatus status, String reason, boolean close) {
}
