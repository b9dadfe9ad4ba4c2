package designbench.proxy.proxy;

import io.netty.handler.codec.http.HttpObject;

/** What a backend connection reports to the exchange that is using it. */
interface BackendListener {

    /** A decoded part of the response; ownership passes to the listener. */
    void onResponse(HttpObject message);

    /** The connection failed or closed before the response was complete. */
    void onBackendFailure(Throwable cause);

    /** The backend connection's current read is over: a good time to flush what went to the client. */
    void onBackendReadComplete();

    /** The backend connection's outbound buffer filled up or drained. */
    void onBackendWritabilityChanged(boolean writable);
}
