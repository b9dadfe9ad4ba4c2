package designbench.proxy.scenario;

import designbench.proxy.load.LoadReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Is the load generator the bottleneck? Its closed-loop maximum rate against wrk's (when wrk is installed:
 * {@code scripts/install-wrk.sh}), same origin, same connections, same measured time, one client thread each.
 */
final class GeneratorCheckScenario implements Scenario {

    static final String BENCHMARK = "designbench.proxy.scenario.GeneratorCheck.run";

    @Override
    public String benchmark() {
        return BENCHMARK;
    }

    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        String origin = "127.0.0.1:" + ScenarioContext.freePort();
        List<ScenarioRow> rows = new ArrayList<>();
        try (Spawned o = context.origin("origin", origin)) {
            context.warmServers(origin);
            String wrk = wrkVersion();
            if (wrk == null) {
                rows.add(new ScenarioRow(BENCHMARK, params("designbench"), context.maxRate(origin)));
                rows.add(ScenarioRow.unavailable(BENCHMARK, params("wrk"),
                        "wrk is not installed (scripts/install-wrk.sh installs it from Debian's packages)"));
            } else {
                // Each runs twice, alternating, and the second pair counts: the origin's own code keeps getting
                // compiled during the first seconds, which would favour whichever tool ran last.
                context.maxRate(origin);
                wrkRate(context, origin);
                rows.add(new ScenarioRow(BENCHMARK, params("designbench"), context.maxRate(origin)));
                WrkSummary summary = wrkRate(context, origin);
                double rate = summary.requestsPerSecond();
                LoadReport report = new LoadReport("closed", 0, ScenarioContext.CONNECTIONS,
                        context.timing().measure().toMillis() / 1000.0, rate, 0, summary.errors(), null, 0, 0,
                        Map.of(), 0, List.of());
                System.out.println("[proxy] wrk " + wrk + ": " + Math.round(rate) + " req/s"
                        + (summary.errors().isEmpty() ? "" : ", errors " + summary.errors()));
                rows.add(new ScenarioRow(BENCHMARK, params("wrk"),
                        new ScenarioContext.Measured(report, new Histogram(3), List.of(), context.timing().warmup())));
            }
        }
        return rows;
    }

    private static Map<String, String> params(String generator) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("generator", generator);
        return params;
    }

    /** wrk's version, or null when it is not on the PATH. */
    private static String wrkVersion() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            p.waitFor(5, TimeUnit.SECONDS);
            return first == null || !first.startsWith("wrk") ? null : first.split("\\s+")[1];
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** wrk's summary of the measured time (its rate and errors), after the same warm-up as ours. */
    private static WrkSummary wrkRate(ScenarioContext context, String origin) throws IOException,
            InterruptedException {
        String url = "http://" + origin + "/k/1";
        runWrk(context.timing().warmup().toMillis(), url);
        return WrkSummary.parse(runWrk(context.timing().measure().toMillis(), url));
    }

    private static List<String> runWrk(long millis, String url) throws IOException, InterruptedException {
        long seconds = Math.max(1, Math.round(millis / 1000.0));
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + ScenarioContext.CONNECTIONS, "-d" + seconds + "s", url)
                .redirectErrorStream(true).start();
        List<String> lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                .lines().toList();
        if (!p.waitFor(seconds + 30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not end");
        }
        return lines;
    }
}
