package designbench.proxy.scenario;

import designbench.proxy.load.LoadReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 6, a fault: two origins behind the proxy (cache off, health checks every 500 ms), a constant 1000
 * requests/s, and one origin killed (SIGKILL) a third of the way into the measured window. A row per second: the
 * responses, the errors the client saw, and the latency around the event. Beside them, how long after the kill
 * the proxy still sent requests to the dead origin, read from its admin endpoint's per-backend request counter.
 */
final class Fault implements Scenario {

    static final String RECOVERY = Fault.class.getPackageName() + ".FaultRecovery.run";
    /** How often the proxy's request counter for the dead origin is read: about the recovery time's resolution. */
    static final long POLL_MILLIS = 5;
    static final int RATE = 1000;
    /** How often the proxy checks its backends' health. */
    static final int HEALTH_INTERVAL_MILLIS = 500;

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        Duration window = context.timing().single().measure().multipliedBy(3);
        String survivor = "127.0.0.1:" + ScenarioContext.freePort();
        String victim = "127.0.0.1:" + ScenarioContext.freePort();
        String proxy = "127.0.0.1:" + ScenarioContext.freePort();
        String admin = "127.0.0.1:" + ScenarioContext.freePort();
        List<ScenarioRow> rows = new ArrayList<>();
        // Two threads: the kill waits for the process to end, and the polls must go on meanwhile.
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (Spawned a = context.origin("origin-a", survivor, "--latency-ms", "1");
             Spawned b = context.origin("origin-b", victim, "--latency-ms", "1");
             Spawned p = context.proxy("proxy", proxy, "--backend", survivor, "--backend", victim, "--no-cache",
                     "--admin", admin, "--health-interval", HEALTH_INTERVAL_MILLIS + "ms");
             HttpClient http = HttpClient.newHttpClient()) {
            context.warmServers(proxy);
            long killDelayNanos = context.timing().single().warmup().plus(window.dividedBy(3)).toNanos();
            DeadOriginPolls polls = new DeadOriginPolls();
            AtomicLong killedAt = new AtomicLong();
            String counter = "designbench_proxy_backend_requests_total{backend=\"" + victim + "\",group=\"a\"}";
            timer.schedule(() -> {
                try {
                    killedAt.set(System.nanoTime());
                    polls.killed(killedAt.get()); // SIGKILL goes out next: from here the origin may be gone
                    b.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, killDelayNanos, TimeUnit.NANOSECONDS);
            timer.scheduleWithFixedDelay(() -> {
                long start = System.nanoTime();
                double count = backendRequests(http, admin, counter);
                polls.poll(start, System.nanoTime(), count);
            }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
            ScenarioContext.Measured run = context.atRateFor(window, proxy, RATE);
            timer.shutdownNow();
            // The second of the measured window in which the kill went out, by the generator's own clock.
            int killSecond = run.report().secondOf(killedAt.get());
            List<LoadReport.Second> seconds = run.report().perSecond();
            for (int i = 0; i < seconds.size() && i < run.intervals().size(); i++) {
                LoadReport.Second second = seconds.get(i);
                Map<String, String> params = new LinkedHashMap<>();
                params.put("second", String.valueOf(second.second()));
                params.put("event", second.second() == killSecond ? "kill" : "none");
                rows.add(ScenarioRow.ofSecond(benchmark(), params, run, i, RATE));
            }
            Optional<DeadOriginPolls.Stop> stopped = polls.stopped();
            for (String bound : List.of("lower", "upper")) {
                rows.add(stopped.isPresent()
                        ? new ScenarioRow(RECOVERY, Map.of("bound", bound), run, false, bound.equals("lower")
                                ? stopped.get().fromMillis() : stopped.get().toMillis(), "ms sending to the dead origin")
                        : ScenarioRow.unavailable(RECOVERY, Map.of("bound", bound), "not observed: the proxy's "
                                + "counter for the dead origin was still rising at the last poll, or no readable "
                                + "poll followed the kill"));
            }
        } finally {
            timer.shutdownNow();
        }
        return rows;
    }

    /** The proxy's count of requests sent to one backend, from its Prometheus text; -1 when unreadable. */
    private static double backendRequests(HttpClient http, String admin, String counterLine) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://" + admin + "/metrics"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.split("\n")) {
                if (line.startsWith(counterLine + " ")) {
                    return Double.parseDouble(line.substring(counterLine.length() + 1).trim());
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
