package designbench.cap.scenario;

import designbench.cap.check.CapTables;
import designbench.cap.check.HistoryAnalysis;
import designbench.cap.history.History;
import designbench.cap.net.Testbed;
import designbench.contract.Profile;
import designbench.contract.SuiteLaunch;
import designbench.contract.SuiteTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CAP suite as the results module runs it: each selected store's scenario in turn, its history kept in
 * {@code <out>/cap-histories/}, and the tables in {@code <out>/cap-tables.json} ({@link SuiteTables}). A store
 * that cannot run here is a row reading {@code unavailable} with the reason; one that fails is a row reading
 * FAILED, and the suite exits with status 1 after writing everything else.
 */
public final class CapSuite {
    static final List<CapScenario> SCENARIOS = List.of(new EtcdScenario(), new HazelcastScenario());

    private CapSuite() {
    }

    public static int run(String suite, Profile profile, String include, Path out) throws IOException {
        CapTiming timing = CapTiming.of(profile);
        Pattern pattern = Pattern.compile(include);
        List<CapScenario> selected = SCENARIOS.stream().filter(s -> pattern.matcher(s.benchmark()).find()).toList();
        if (selected.isEmpty()) {
            System.out.printf("[%s] no scenario matches '%s': skipped%n", suite, include);
            return SuiteLaunch.NOTHING_SELECTED;
        }
        Path histories = Files.createDirectories(out.resolve(suite + "-histories"));
        System.out.printf("[%s] %d store(s), profile %s%n", suite, selected.size(), timing.describe());
        List<CapTables.Outcome> outcomes = new ArrayList<>();
        boolean failed = false;
        for (CapScenario scenario : selected) {
            String reason = Testbed.unavailableReason();
            reason = reason != null ? reason : scenario.unavailableReason();
            if (reason != null) {
                System.out.printf("[%s] %s: unavailable: %s%n", suite, scenario.system(), reason);
                outcomes.add(CapTables.Outcome.unavailable(scenario.system(), reason));
                continue;
            }
            long started = System.nanoTime();
            System.out.printf("[%s] %s ...%n", suite, scenario.describe());
            Path work = Files.createTempDirectory("designbench-cap-");
            try {
                History history = scenario.run(timing, work, histories);
                history.write(histories);
                HistoryAnalysis.Result result = HistoryAnalysis.analyse(history);
                outcomes.add(CapTables.Outcome.measured(result));
                System.out.printf("[%s] %s: %d operations in %.0f s%n", suite, scenario.system(),
                        history.ops().size(), (System.nanoTime() - started) / 1e9);
            } catch (Exception e) {
                failed = true;
                String message = String.valueOf(e.getMessage()).replace('\n', ' ');
                System.out.printf("[%s] %s FAILED: %s%n", suite, scenario.system(), message);
                outcomes.add(CapTables.Outcome.failed(scenario.system(), message));
            } finally {
                deleteTree(work);
            }
        }
        SuiteTables tables = CapTables.build(suite, timing.describe(), outcomes);
        tables.write(out.resolve(SuiteTables.fileName(suite)));
        tables.tables().get(0).verdicts().forEach(v -> System.out.printf("[%s] %s%n", suite, v));
        return failed ? 1 : 0;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
