package designbench.proxy.scenario;

import designbench.contract.Question;
import designbench.contract.QuestionSet;
import designbench.proxy.load.LoadGenerator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The proxy suite's questions, one per scenario (and the fault scenario's recovery time), with the figures the
 * scenarios run with.
 */
public final class ProxyQuestions implements QuestionSet {
    private static final String NOTE = " Origin, proxy (" + ScenarioContext.PROXY_THREADS + " event-loop thread) and "
            + "load generator are separate processes on loopback; on a 2-CPU machine they share the CPUs unpinned, "
            + "so the generator competes with what it measures, most at load=max. Origin and proxy JVMs run with "
            + String.join(" ", Spawned.SERVER_JVM_OPTIONS) + " (see README).";
    /** nginx's row label, "nginx-1.22.1": its version is the machine's. */
    private static final String NGINX = "nginx-[0-9][0-9.]*";
    private static final Map<String, String> DESIGNBENCH_TO_NGINX = Map.of("designbench", NGINX);
    private static final String TO_NGINX = "to nginx";
    private static final String TO_NGINX_UNLOCKED = "to nginx" + CacheGain.UNLOCKED_SUFFIX;
    private static final String CLOSED_LOOP = "a closed loop over " + ScenarioContext.CONNECTIONS + " connections";

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Question> questions() {
        return List.of(
                question("proxy-generator",
                        "Is the load generator the bottleneck? Its maximum rate against wrk's on the same origin",
                        GeneratorCheck.class, "generator", "wrk", null,
                        "Closed-loop maximum rate of designbench's load generator and of wrk (one client thread "
                                + "each, " + ScenarioContext.CONNECTIONS + " connections, same origin, same measured "
                                + "time, after the same warm-up). The ratio is ours over wrk's; we aim for at least "
                                + "0.80. Without wrk installed (scripts/install-wrk.sh) its row says so. wrk reports "
                                + "no latency distribution here."),
                question("proxy-cost",
                        "What does a reverse proxy in the path cost: maximum rate, and latency at "
                                + percents(ProxyCost.LOAD_PERCENTS) + " % load?",
                        ProxyCost.class, "path", "direct", null,
                        "Requests per second straight to the origin (direct), through designbench's proxy with its "
                                + "cache off, and through nginx (cache off; its version in the row) as the reference, "
                                + "at origin latencies of " + list(ProxyCost.ORIGIN_MILLIS, " and ") + " ms "
                                + "(originMs). nginx runs one worker, HTTP/1.1 kept-alive connections upstream and no "
                                + "access log; its config is kept in the run folder (proxy-configs/). load=max is "
                                + CLOSED_LOOP + "; load=" + ProxyCost.CHECK_PERCENT + "%max its check, an open-loop "
                                + "run at " + ProxyCost.CHECK_PERCENT + " % of each path's own maximum (so its rates "
                                + "differ by path): it should carry that rate at a bounded latency, or the maximum "
                                + "was more than the path can take; " + percents(ProxyCost.LOAD_PERCENTS).replace(", ", "/") + "% ("
                                + ProxyCost.HEADLINE_LOAD_PERCENT + "% only in a quick run) are open-loop runs at "
                                + "that share of the direct maximum, whose percentiles are timed from each request's "
                                + "intended start (no coordinated omission), so compare their latency columns; their "
                                + "rates match by design. The column \"" + TO_NGINX + "\" is designbench's ratio to "
                                + "nginx in the same setting: the question whether our proxy keeps up with the usual "
                                + "one.")
                        .withReferences("path", DESIGNBENCH_TO_NGINX, TO_NGINX),
                question("proxy-scaling", "Performance or scalability: how does throughput grow with concurrent "
                                + "connections?", ProxyScaling.class, "path", "direct", "connections",
                        "Closed-loop requests per second at each number of connections ("
                                + list(ProxyScaling.CONNECTIONS, ", ") + "; " + list(ProxyScaling.HEADLINE_CONNECTIONS,
                                ", ") + " in a quick run), straight to the origin, through designbench's proxy "
                                + "(cache off) and through nginx (cache off, one worker), the three paths run one "
                                + "after the other at each count; each point is a shorter run than the other proxy "
                                + "rows. Origin, proxy and the load generator share this machine's cores, so the "
                                + "curve is this machine's. The column \"" + TO_NGINX + "\" is designbench's ratio "
                                + "to nginx at each count.")
                        .withReferences("path", DESIGNBENCH_TO_NGINX, TO_NGINX),
                question("proxy-cache", "What does the proxy's cache buy at hit ratios of about "
                                + series(CacheGain.HIT_PERCENTS, " and ") + " %?", CacheGain.class, "hitPercent", "0", null,
                        "Requests per second through designbench's proxy with its cache on, and through nginx with "
                                + "proxy_cache, with proxy_cache_lock and without it (" + CacheGain.UNLOCKED_SUFFIX
                                + "), its version in the row (configs in "
                                + "proxy-configs/); over " + CacheGain.KEY_COUNT + " keys drawn uniformly; the origin ("
                                + CacheGain.ORIGIN_MILLIS + " ms per answer) marks hitPercent % of the keys cacheable, "
                                + "so a warm cache hits about that share; the hit ratio column is what the X-Cache "
                                + "headers said. load=max is " + CLOSED_LOOP + ", 50% an open-loop run at half "
                                + "designbench's uncached maximum: compare its latency columns. The ratio is cached "
                                + "over uncached, each proxy to its own. nginx's proxy_cache_lock makes a request for "
                                + "a key already being fetched re-check every 500 ms (its source: a timer, not a "
                                + "wake-up), which shows in its max at the low hit ratios, where uncacheable keys are "
                                + "fetched again and again; the " + CacheGain.UNLOCKED_SUFFIX + " rows show nginx "
                                + "without that wait. The column \"" + TO_NGINX_UNLOCKED + "\" is designbench's ratio "
                                + "to nginx without the lock at the same hit ratio and load, the fairer of the two.")
                        .withReferences("proxy", Map.of("designbench", NGINX + Pattern.quote(CacheGain.UNLOCKED_SUFFIX)),
                                TO_NGINX_UNLOCKED),
                question("proxy-stampede", "A stampede: " + Stampede.CLIENTS + " clients ask for one uncached key at "
                                + "once: how many requests reach the origin?", Stampede.class, "coalesce", "off", null,
                        "Origin fetches per burst of " + Stampede.CLIENTS + " simultaneous requests for a new key "
                                + "(lower is better), with the proxy's request coalescing off and on; the origin takes "
                                + Stampede.ORIGIN_MILLIS + " ms to answer. Latency percentiles are the clients' waits "
                                + "over every burst of the run."),
                question("proxy-balancing", series(Balancing.ORIGINS, " or ") + " origins behind one proxy, one of them slow: round-robin or least-connections?",
                        Balancing.class, "balance", "round_robin", null,
                        "Maximum rate (" + CLOSED_LOOP + ") through the proxy, cache off, over "
                                + series(Balancing.ORIGINS, " or ") + " origins; "
                                + "with two or more, one origin answers in " + Balancing.SLOW_MILLIS + " ms and the "
                                + "others in " + Balancing.FAST_MILLIS + " ms (slow=1). Round-robin keeps sending the "
                                + "slow one its share; least-connections sends it less. The origins share the same "
                                + "CPUs as the proxy and the generator."),
                question("proxy-fault", "One of two origins is killed under a constant load: what do clients see, "
                                + "second by second?", Fault.class, "second", "1", null,
                        Fault.RATE + " requests/s on a fixed timeline through the proxy (cache off, health checks "
                                + "every " + Fault.HEALTH_INTERVAL_MILLIS + " ms) to two origins; one is killed "
                                + "(SIGKILL) in the second marked event=kill. A row per measured second: responses, "
                                + "the errors the client saw, latency percentiles of that second (timed from intended "
                                + "starts). The proxy retries an idempotent request that fails before any response "
                                + "byte on the other origin, so errors stay rare; latency shows the event. The ratio "
                                + "is each second's rate to the first second's.").asTimeSeries(),
                new Question("proxy-fault-recovery",
                        "After the kill, how long did the proxy go on sending requests to the dead origin?",
                        Fault.RECOVERY.substring(0, Fault.RECOVERY.lastIndexOf('.')), null, null, null,
                        "Milliseconds after the kill within which the proxy's last request to the dead origin went "
                                + "out: between bound=lower and bound=upper. The proxy's request counter for the dead "
                                + "origin (its admin endpoint) is read every " + Fault.POLL_MILLIS + " ms; the last "
                                + "increase lies between the start of the poll before it and the end of the poll that "
                                + "saw it, so the bounds are at least one poll apart, more when a poll is slow (each is a "
                                + "request to the proxy, which is busiest just after the kill); 0 and 0 means no "
                                + "request after the kill. A poll that could not be read is skipped; a counter still rising "
                                + "at the end reads as not observed. The errors column is the client's errors over "
                                + "the whole run." + NOTE),
                question("proxy-flood", "One client floods the proxy: does a well-behaved client still get through, "
                                + "and what reaches the origin?", Flood.class, "flood", "off", null,
                        "The proxy allows each client address " + Flood.LIMIT + " requests/s (burst " + Flood.LIMIT
                                + "). A well-behaved client (127.0.0.1) sends " + Flood.POLITE_RATE + " requests/s on "
                                + "a fixed timeline, alone (flood=off) and while a flooding client (127.0.0.2, "
                                + CLOSED_LOOP + ") sends as fast as it can. The flood row's score is the rate of its "
                                + "requests that reached the origin, its errors the 429s the proxy answered in its "
                                + "place."),
                question("proxy-spof", "Several proxies, no single point of failure: one of two proxies is killed "
                                + "under a constant load: what do clients see, second by second, against one proxy?",
                        ProxySpof.class, "second", "1", null,
                        ProxySpof.RATE + " requests/s on a fixed timeline to one proxy (proxies=1) or to two "
                                + "(proxies=2; the client's connections spread over both and fail over to the next "
                                + "one that answers, as a client that knows several addresses does), cache off, one "
                                + "origin; the first proxy is killed (SIGKILL) in the second marked event=kill. A row "
                                + "per measured second: responses, the errors the client saw (failed requests, and "
                                + "failed connection attempts: each of its " + ScenarioContext.CONNECTIONS
                                + " connections tries again every " + LoadGenerator.RECONNECT_MILLIS + " ms, so a dead "
                                + "address alone counts up to "
                                + ScenarioContext.CONNECTIONS * 1000 / LoadGenerator.RECONNECT_MILLIS
                                + " a second, as wrk's connect errors do), latency of that second "
                                + "(timed from intended starts). With one proxy nothing is answered after the kill; "
                                + "with two, the requests in flight on the dead one fail and the rest move on. The "
                                + "ratio is each second's rate to the first second's.").asTimeSeries(),
                new Question("proxy-spof-failover",
                        "After one of two proxies is killed, how soon are the clients answered by the other alone?",
                        ProxySpof.FAILOVER.substring(0, ProxySpof.FAILOVER.lastIndexOf('.')), null, null, null,
                        "Whole seconds from the kill second to the first second answered only by the surviving "
                                + "proxy, with no errors (the per-second series above; resolution one second)."
                                + NOTE),
                new Question("proxy-spof-flood",
                        "One of two proxies is flooded: does a good client stay fast by using the other?",
                        ProxySpof.FLOOD.substring(0, ProxySpof.FLOOD.lastIndexOf('.')), null, null, null,
                        "Every proxy allows each client address " + Flood.LIMIT + " requests/s. A flooding client "
                                + "(127.0.0.2, a closed loop over " + ProxySpof.FLOOD_CONNECTIONS + " connections) "
                                + "sends to the first proxy only; meanwhile a good client (127.0.0.1) sends "
                                + Flood.POLITE_RATE + " requests/s on a fixed timeline: to that proxy alone "
                                + "(one-proxy), to both with failover only (two-failover: its connections stay where "
                                + "they are while the flooded proxy answers), or to both moving each connection to "
                                + "the proxy that answers in less than half the time (two-fastest, as a browser "
                                + "prefers the fastest address). client=good rows: its rate and latency; "
                                + "client=flood rows: the rate of flood requests that reached the origin (the 429s "
                                + "are its errors). The answer is the good client's latency (its rate is fixed): "
                                + "compare its p99 across the setups; no verdict is drawn, since the rows mix the two "
                                + "clients' measures." + NOTE),
                question("proxy-upstream",
                        "Proxy to origin over loopback TCP or a Unix domain socket: the IPC question end to end",
                        UpstreamTransport.class, "upstream", "tcp", null,
                        "Clients reach the proxy over loopback TCP; the proxy reaches the origin over TCP or a "
                                + "socket file (upstream), cache off. load=max is " + CLOSED_LOOP + ", 50% an "
                                + "open-loop run at half the TCP maximum."));
    }

    private static Question question(String id, String title, Class<? extends Scenario> scenario,
                                     String baselineParam, String baselineValue, String columnParam, String note) {
        return new Question(id, title, scenario.getName(), baselineParam, baselineValue, columnParam, note + NOTE);
    }

    /** "25, 50, 75" */
    private static String percents(int[] values) {
        return list(values, ", ");
    }

    /** "1, 2 or 4" with {@code last} " or " */
    private static String series(int[] values, String last) {
        String all = list(values, ", ");
        int cut = all.lastIndexOf(", ");
        return cut < 0 ? all : all.substring(0, cut) + last + all.substring(cut + 2);
    }

    private static String list(int[] values, String separator) {
        return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(separator));
    }
}
