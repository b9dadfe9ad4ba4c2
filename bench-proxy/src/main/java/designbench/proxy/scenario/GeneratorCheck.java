package designbench.proxy.scenario;

import designbench.proxy.load.LoadReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
final class GeneratorCheck implements Scenario {


    @Override
    public List<ScenarioRow> run(ScenarioContext context) throws Exception {
        String origin = "127.0.0.1:" + ScenarioContext.freePort();
        List<ScenarioRow> rows = new ArrayList<>();
        try (Spawned o = context.origin("origin", origin)) {
            context.warmServers(origin);
            String wrk = wrkVersion();
            if (wrk == null) {
                rows.add(new ScenarioRow(benchmark(), params("designbench"), context.compared(context.max(origin))
                        .get(0)));
                rows.add(ScenarioRow.unavailable(benchmark(), params("wrk"),
                        "wrk is not installed (scripts/install-wrk.sh installs it from Debian's packages)"));
            } else {
                // Each runs once before measuring, alternating: the origin's own code keeps getting compiled during
                // the first seconds, which would favour whichever tool ran last.
                ScenarioContext.Run ours = context.max(origin);
                ScenarioContext.Run theirs = (warmup, measure) -> wrkRun(origin, warmup, measure);
                ours.measure(context.timing().compared().warmup(), context.timing().compared().measure());
                theirs.measure(context.timing().compared().warmup(), context.timing().compared().measure());
                List<ScenarioContext.Measured> measured = context.compared(ours, theirs);
                rows.add(new ScenarioRow(benchmark(), params("designbench"), measured.get(0)));
                rows.add(new ScenarioRow(benchmark(), params("wrk"), measured.get(1)));
                System.out.println("[proxy] wrk " + wrk + ": " + Math.round(measured.get(1).rate()) + " req/s"
                        + (measured.get(1).errorCount() == 0 ? "" : ", errors " + measured.get(1).errorCount()));
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

    /**
     * A wrk run of the measured time (whole seconds, as wrk takes them) after a wrk run of the warm-up: its rate and
     * errors, without latencies (wrk's are not the ones our histograms hold).
     */
    private static ScenarioContext.Measured wrkRun(String origin, Duration warmup, Duration measure)
            throws IOException, InterruptedException {
        String url = "http://" + origin + "/k/1";
        runWrk(warmup.toMillis(), url);
        long seconds = wrkSeconds(measure.toMillis());
        WrkSummary summary = WrkSummary.parse(runWrk(measure.toMillis(), url));
        LoadReport report = new LoadReport("closed", 0, ScenarioContext.CONNECTIONS, seconds,
                summary.requestsPerSecond(), 0, summary.errors(), null, 0, 0, Map.of(), 0, List.of());
        return new ScenarioContext.Measured(report, new Histogram(3), List.of(), warmup);
    }

    private static long wrkSeconds(long millis) {
        return Math.max(1, Math.round(millis / 1000.0));
    }

    private static List<String> runWrk(long millis, String url) throws IOException, InterruptedException {
        long seconds = wrkSeconds(millis);
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
