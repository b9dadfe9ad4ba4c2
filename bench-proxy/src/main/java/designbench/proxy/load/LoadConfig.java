package designbench.proxy.load;

import designbench.proxy.net.Address;
import java.time.Duration;
import java.util.List;

/**
 * What the load generator does.
 *
 * @param targets      where to send requests; connections start on target {@code i % n} and fail over to the next
 *                     one that answers (several proxies, no single point of failure)
 * @param rate         requests per second on a fixed timeline (open loop); 0 for closed loop, each connection
 *                     sending its next request as soon as the previous one completes
 * @param connections  keep-alive connections, each with at most one request in flight
 * @param warmup       time before measuring: requests whose intended start falls in it are not recorded
 * @param duration     time measured, after the warm-up
 * @param keys         how many distinct keys (paths) requests are spread over
 * @param zipfExponent 0 for uniform keys; above 0, key k (1 = most popular) is drawn with weight 1/k^exponent
 * @param pathPrefix   a request's path is this prefix followed by the key number
 * @param query        appended to every path after '?', empty for none (e.g. size=1024)
 * @param cookie       sent as the Cookie header, empty for none (e.g. ab=a)
 * @param timeout      a request unanswered this long counts as a timeout error and its connection is replaced
 * @param threads      event-loop threads of the generator
 * @param seed         seed of the key sequence, so runs draw the same keys
 * @param localHost    the local address TCP connections are made from, e.g. 127.0.0.2 to look like another client
 *                     on loopback; empty for the system's choice
 * @param preferFastest with several targets, whether a connection moves to the target that answers fastest (the
 *                     average of recent response times, from send) when its own answers take over twice as long, as
 *                     a browser prefers the fastest address; otherwise connections stay where they are until a
 *                     target fails
 */
public record LoadConfig(List<Address> targets, double rate, int connections, Duration warmup, Duration duration,
                         int keys, double zipfExponent, String pathPrefix, String query, String cookie,
                         Duration timeout, int threads, long seed, String localHost, boolean preferFastest) {

    public LoadConfig {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target: give at least one --target address");
        }
        if (rate < 0 || connections < 1 || keys < 1 || zipfExponent < 0 || threads < 1) {
            throw new IllegalArgumentException("rate >= 0, connections >= 1, keys >= 1, zipf >= 0, threads >= 1");
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("duration and timeout must be positive, warm-up not negative");
        }
        targets = List.copyOf(targets);
    }

    public boolean openLoop() {
        return rate > 0;
    }

    /** Defaults for everything but the targets: closed loop over 16 connections, 10 s after 2 s of warm-up. */
    public static LoadConfig defaults(List<Address> targets) {
        return new LoadConfig(targets, 0, 16, Duration.ofSeconds(2), Duration.ofSeconds(10), 1, 0, "/k/", "", "",
                Duration.ofSeconds(5), 1, 42, "", false);
    }

    public LoadConfig withRate(double newRate) {
        return new LoadConfig(targets, newRate, connections, warmup, duration, keys, zipfExponent, pathPrefix, query,
                cookie, timeout, threads, seed, localHost, preferFastest);
    }

    public LoadConfig withConnections(int n) {
        return new LoadConfig(targets, rate, n, warmup, duration, keys, zipfExponent, pathPrefix, query, cookie,
                timeout, threads, seed, localHost, preferFastest);
    }

    public LoadConfig withTimes(Duration newWarmup, Duration newDuration) {
        return new LoadConfig(targets, rate, connections, newWarmup, newDuration, keys, zipfExponent, pathPrefix,
                query, cookie, timeout, threads, seed, localHost, preferFastest);
    }

    public LoadConfig withKeys(int n, double exponent) {
        return new LoadConfig(targets, rate, connections, warmup, duration, n, exponent, pathPrefix, query, cookie,
                timeout, threads, seed, localHost, preferFastest);
    }

    public LoadConfig withRequest(String newPathPrefix, String newQuery, String newCookie) {
        return new LoadConfig(targets, rate, connections, warmup, duration, keys, zipfExponent, newPathPrefix,
                newQuery, newCookie, timeout, threads, seed, localHost, preferFastest);
    }

    public LoadConfig withLocalHost(String host) {
        return new LoadConfig(targets, rate, connections, warmup, duration, keys, zipfExponent, pathPrefix, query,
                cookie, timeout, threads, seed, host, preferFastest);
    }

    public LoadConfig withTimeout(Duration newTimeout) {
        return new LoadConfig(targets, rate, connections, warmup, duration, keys, zipfExponent, pathPrefix, query,
                cookie, newTimeout, threads, seed, localHost, preferFastest);
    }

    public LoadConfig withTargets(List<Address> newTargets, boolean fastest) {
        return new LoadConfig(newTargets, rate, connections, warmup, duration, keys, zipfExponent, pathPrefix, query,
                cookie, timeout, threads, seed, localHost, fastest);
    }
}
