package designbench.proxy.proxy;

import java.util.Set;

/**
 * What a failed backend exchange means, decided without Netty: whether the backend leaves the rotation, and
 * whether the request may go to another one.
 */
final class BackendFailures {

    /** Methods whose repetition has the effect of one request (RFC 9110, 9.2.2). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private BackendFailures() {
    }

    static boolean idempotent(String method) {
        return IDEMPOTENT.contains(method);
    }

    /**
     * Whether the backend is taken out of rotation: refused, dropped before answering on a fresh connection, or
     * silent too long while it owed the response head. A pooled connection found closed may be the backend's
     * keep-alive timeout, and silence while the body is still coming may be the client's: counted, not taken out.
     *
     * @param timeout the backend was silent for the backend timeout (otherwise the connection failed or closed)
     * @param responseStarted the response head had arrived
     * @param requestComplete the whole request had been received from the client
     * @param reusedConnection the connection had served an exchange before
     */
    static boolean takesOutOfRotation(boolean timeout, boolean responseStarted, boolean requestComplete,
            boolean reusedConnection) {
        if (timeout) {
            return !responseStarted && requestComplete;
        }
        return !responseStarted && !reusedConnection;
    }

    /**
     * Whether the request goes to another backend: only before any of the response was passed on, only for an
     * idempotent method whose whole body was kept, and only once.
     *
     * @param backendsTried how many backends this request went to
     * @param anotherAvailable whether the group has a usable backend not yet tried
     */
    static boolean mayRetry(boolean responseStarted, boolean idempotent, boolean bodyKept, int backendsTried,
            boolean anotherAvailable) {
        return !responseStarted && idempotent && bodyKept && backendsTried == 1 && anotherAvailable;
    }
}
