package designbench.proxy.origin;

import io.netty.handler.codec.http.HttpHeaders;

/** A request as the origin received it: what a test checks to see what the proxy forwarded. */
public record RecordedRequest(String method, String uri, HttpHeaders headers, int bodyBytes) {
}
