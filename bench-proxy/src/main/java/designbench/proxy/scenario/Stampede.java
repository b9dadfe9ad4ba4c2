package designbench.proxy.scenario;

import designbench.proxy.load.LoadReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * Scenario 3, a cache stampede: N clients ask for one uncached key at the same moment, the origin taking 100 ms to
 * answer. How many of those requests reach the origin, with request coalescing on and off, and how long the
 * clients wait. Each burst uses a new key; the count of origin fetches comes from the origin's own request counter,
 * which every response carries (X-Origin-Request), so responses that share a fetch share its number.
 */
final class Stampede implements Scenario {

    static final int CLIENTS = 32;
    /** The origin's time per answer: long enough that every request of a burst arrives while it fetches. */
    static final int ORIGIN_MILLIS = 100;

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        int bursts = context.timing().single().measure().toSeconds() >= 10 ? 20 : 5;
        List<ScenarioRow> rows = new ArrayList<>();
        for (boolean coalesce : new boolean[] {false, true}) {
            String origin = "127.0.0.1:" + ScenarioContext.freePort();
            String proxy = "127.0.0.1:" + ScenarioContext.freePort();
            List<String> options = new ArrayList<>(List.of("--backend", origin));
            if (!coalesce) {
                options.add("--no-coalesce");
            }
            try (Spawned o = context.origin("origin", origin, "--latency-ms", String.valueOf(ORIGIN_MILLIS),
                    "--max-age", "600");
                 Spawned p = context.proxy("proxy", proxy, options.toArray(String[]::new));
                 HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                         .connectTimeout(Duration.ofSeconds(5)).build()) {
                burst(client, proxy, "warm", 2);
                Histogram latency = new Histogram(3);
                long fetches = 0;
                long errors = 0;
                for (int b = 0; b < bursts; b++) {
                    Burst result = burst(client, proxy, (coalesce ? "c" : "n") + b, CLIENTS);
                    latency.add(result.latency());
                    fetches += result.fetches();
                    errors += result.errors();
                }
                rows.add(row(coalesce, bursts, latency, fetches, errors));
            }
        }
        return rows;
    }

    private record Burst(Histogram latency, int fetches, int errors) {
    }

    /** {@code clients} requests for one new key, sent together; waits for all. */
    private static Burst burst(HttpClient client, String proxy, String key, int clients) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + proxy + "/stampede/" + key))
                .timeout(Duration.ofSeconds(10)).build();
        Histogram latency = new Histogram(3);
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            starts.add(System.nanoTime());
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        Set<String> fetches = new HashSet<>();
        int errors = 0;
        for (int i = 0; i < clients; i++) {
            try {
                HttpResponse<Void> response = answers.get(i).join();
                latency.recordValue(System.nanoTime() - starts.get(i));
                if (response.statusCode() == 200) {
                    fetches.add(response.headers().firstValue("X-Origin-Request").orElse("?"));
                } else {
                    errors++;
                }
            } catch (RuntimeException e) {
                errors++;
            }
        }
        return new Burst(latency, fetches.size(), errors);
    }

    private ScenarioRow row(boolean coalesce, int bursts, Histogram latency, long fetches, long errors) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("clients", String.valueOf(CLIENTS));
        params.put("coalesce", coalesce ? "on" : "off");
        double perBurst = (double) fetches / bursts;
        LoadReport report = new LoadReport("burst", 0, CLIENTS, 0, perBurst, (long) latency.getTotalCount(),
                errors == 0 ? Map.of() : Map.of("failed", errors), null, 0, 0, Map.of(), 0, List.of());
        return new ScenarioRow(benchmark(), params, new ScenarioContext.Measured(report, latency), false, perBurst,
                "origin fetches/burst");
    }
}
