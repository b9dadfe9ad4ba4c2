package designbench.proxy.scenario;

import static designbench.proxy.scenario.ScenarioContext.fromHost;

import designbench.proxy.load.LoadConfig;
import designbench.proxy.load.LoadReport;
import designbench.proxy.net.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Scenario 10, several proxies and no single point of failure: one origin (1 ms) behind one proxy or two (cache
 * off), clients that know every proxy. Kill: {@value #RATE} requests/s on a fixed timeline, the connections spread
 * over the proxies and failing over to the next one that answers, and the first proxy killed (SIGKILL) a third of
 * the way into the measured window; a row per second (responses, errors, latency) for one proxy and for two, and
 * how many seconds after the kill the clients were answered by the survivor alone. Flood: every proxy limits each
 * client address to {@value Flood#LIMIT} requests/s; a flooding client (closed loop over
 * {@value #FLOOD_CONNECTIONS} connections) sends to the first proxy only, while a good client sends
 * {@value Flood#POLITE_RATE} requests/s to the one proxy, to both with failover only, or to both preferring the one
 * that answers faster (as a browser does); the good client's rate and latency, and the flood's rate to the origin.
 */
final class ProxySpof implements Scenario {

    static final String FAILOVER = ProxySpof.class.getPackageName() + ".ProxySpofFailover.run";
    static final String FLOOD = ProxySpof.class.getPackageName() + ".ProxySpofFlood.run";
    static final int RATE = 1000;
    static final int FLOOD_CONNECTIONS = 128;
    /** The good client's setups under the flood, in the order they run. */
    static final List<String> SETUPS = List.of("one-proxy", "two-failover", "two-fastest");

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        for (int proxies = 1; proxies <= 2; proxies++) {
            kill(context, proxies, rows);
        }
        flood(context, rows);
        return rows;
    }

    private void kill(ScenarioContext context, int proxies, List<ScenarioRow> rows) throws Exception {
        Duration window = context.timing().single().measure().multipliedBy(3);
        String origin = "127.0.0.1:" + ScenarioContext.freePort();
        String victim = "127.0.0.1:" + ScenarioContext.freePort();
        String survivor = "127.0.0.1:" + ScenarioContext.freePort();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Spawned o = context.origin("origin", origin, "--latency-ms", "1");
             Spawned v = context.proxy("proxy-1", victim, "--backend", origin, "--no-cache");
             AutoCloseable s = proxies == 1 ? () -> { }
                     : context.proxy("proxy-2", survivor, "--backend", origin, "--no-cache")) {
            List<String> targets = proxies == 1 ? List.of(victim) : List.of(victim, survivor);
            context.warmServers(victim, to(targets, false));
            long killDelayNanos = context.timing().single().warmup().plus(window.dividedBy(3)).toNanos();
            AtomicLong killedAt = new AtomicLong();
            timer.schedule(() -> {
                try {
                    killedAt.set(System.nanoTime());
                    v.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, killDelayNanos, TimeUnit.NANOSECONDS);
            ScenarioContext.Measured run = context.atRateFor(window, victim, RATE, to(targets, false));
            // The second of the measured window in which the kill went out, by the generator's own clock.
            int killSecond = run.report().secondOf(killedAt.get());
            List<LoadReport.Second> seconds = run.report().perSecond();
            Integer onlySurvivor = null;
            for (int i = 0; i < seconds.size() && i < run.intervals().size(); i++) {
                LoadReport.Second second = seconds.get(i);
                Map<String, String> params = new LinkedHashMap<>();
                params.put("proxies", String.valueOf(proxies));
                params.put("second", String.valueOf(second.second()));
                params.put("event", second.second() == killSecond ? "kill" : "none");
                rows.add(ScenarioRow.ofSecond(benchmark(), params, run, i, RATE));
                boolean survivorAlone = proxies == 2 && second.errors() == 0 && second.completed() > 0
                        && second.perTarget().get(0) == 0;
                if (onlySurvivor == null && second.second() > killSecond && survivorAlone) {
                    onlySurvivor = second.second();
                }
            }
            if (proxies == 2) {
                rows.add(onlySurvivor != null
                        ? new ScenarioRow(FAILOVER, Map.of("proxies", "2"), run, false,
                                onlySurvivor - killSecond, "s until only the survivor answered")
                        : ScenarioRow.unavailable(FAILOVER, Map.of("proxies", "2"), "not observed: no second after "
                                + "the kill second was answered by the survivor alone without errors"));
            }
        } finally {
            timer.shutdownNow();
        }
    }

    private void flood(ScenarioContext context, List<ScenarioRow> rows) throws Exception {
        String origin = "127.0.0.1:" + ScenarioContext.freePort();
        String flooded = "127.0.0.1:" + ScenarioContext.freePort();
        String spare = "127.0.0.1:" + ScenarioContext.freePort();
        String[] limit = {"--no-cache", "--rate", String.valueOf(Flood.LIMIT), "--burst", String.valueOf(Flood.LIMIT)};
        try (Spawned o = context.origin("origin", origin, "--latency-ms", "1");
             Spawned a = context.proxy("proxy-1", flooded, concat("--backend", origin, limit));
             Spawned b = context.proxy("proxy-2", spare, concat("--backend", origin, limit))) {
            context.warmServers(flooded, to(List.of(flooded, spare), false).andThen(fromHost("127.0.0.3"))::apply);
            for (String setup : SETUPS) {
                List<String> targets = setup.equals("one-proxy") ? List.of(flooded) : List.of(flooded, spare);
                UnaryOperator<LoadConfig> good = config -> to(targets, setup.equals("two-fastest"))
                        .andThen(fromHost("127.0.0.1")).apply(config);
                // The flood starts first and runs a warm-up longer at each end, so the good client's whole run,
                // started once the flood is under way, meets it.
                Duration warmup = context.timing().single().warmup();
                Duration floodFor = context.timing().single().measure().plus(warmup.multipliedBy(2));
                CompletableFuture<ScenarioContext.Measured> flood = CompletableFuture.supplyAsync(() -> {
                    try {
                        return context.maxRate(flooded, config -> fromHost("127.0.0.2").apply(
                                config.withConnections(FLOOD_CONNECTIONS).withTimes(warmup, floodFor)));
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
                Thread.sleep(warmup.multipliedBy(2).toMillis());
                ScenarioContext.Measured polite = context.atRate(flooded, Flood.POLITE_RATE, good);
                ScenarioContext.Measured flooder = flood.join();
                rows.add(new ScenarioRow(FLOOD, params("good", setup), polite));
                long refused = flooder.report().errors().getOrDefault("status_4xx", 0L);
                rows.add(new ScenarioRow(FLOOD, params("flood", setup), flooder, true,
                        (flooder.report().completed() - refused) / flooder.report().seconds(), "req/s to origin"));
            }
        }
    }

    private static Map<String, String> params(String client, String setup) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client", client);
        params.put("setup", setup);
        return params;
    }

    /** Requests to these proxies, connections spread over them, failing over; moving to the faster when asked. */
    private static UnaryOperator<LoadConfig> to(List<String> targets, boolean preferFastest) {
        List<Address> addresses = targets.stream().map(Address::parse).toList();
        return config -> config.withTargets(addresses, preferFastest);
    }

    private static String[] concat(String first, String second, String[] rest) {
        List<String> all = new ArrayList<>(List.of(first, second));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
