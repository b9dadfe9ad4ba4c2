package designbench.proxy.origin;

/**
 * How the origin answers by default; a request may override most of it with query parameters (see
 * {@link OriginHandler}).
 *
 * @param name             reported in every response's {@code X-Origin} header, so a client sees who answered
 * @param responseBytes    body size of an ordinary response
 * @param latencyMillis    added before answering: fixed, or the mean of an exponential distribution
 * @param exponential      whether latency is sampled (exponential) rather than fixed
 * @param cacheablePercent share of keys (paths) answered with {@code Cache-Control: public, max-age}; the rest
 *                         get {@code no-store}. Decided per path, so a key is always one or the other
 * @param maxAgeSeconds    max-age of cacheable responses
 * @param fault            failure on purpose for every request
 */
public record OriginConfig(String name, int responseBytes, double latencyMillis, boolean exponential,
                           int cacheablePercent, int maxAgeSeconds, Fault fault) {

    /** A failure the origin produces on purpose. */
    public enum Fault {
        /** Answers normally. */
        NONE,
        /** Closes every connection as soon as it is accepted, without reading or answering. */
        REFUSE,
        /** Reads the request and never answers (until the client gives up or the origin stops). */
        STALL,
        /** Sends the headers and half the body, then closes the connection. */
        DIE_MID_BODY
    }

    public OriginConfig {
        if (responseBytes < 0 || latencyMillis < 0 || maxAgeSeconds < 0) {
            throw new IllegalArgumentException("sizes, latency and max-age must not be negative");
        }
        if (cacheablePercent < 0 || cacheablePercent > 100) {
            throw new IllegalArgumentException("cacheable percent must be within 0..100: " + cacheablePercent);
        }
    }

    public static OriginConfig defaults(String name) {
        return new OriginConfig(name, 1024, 0, false, 100, 60, Fault.NONE);
    }

    public OriginConfig withFault(Fault newFault) {
        return new OriginConfig(name, responseBytes, latencyMillis, exponential, cacheablePercent, maxAgeSeconds,
                newFault);
    }

    public OriginConfig withLatency(double millis, boolean sampled) {
        return new OriginConfig(name, responseBytes, millis, sampled, cacheablePercent, maxAgeSeconds, fault);
    }
}
