package designbench.runner.launch;

import designbench.contract.StressOutcome;
import designbench.contract.StressTestResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;

/**
 * Reads jcstress's binary result file with jcstress's own reader (the one behind its {@code -p} option), merges
 * each test's configurations as its text report does, and keeps outcomes, counts and expectations.
 */
public final class JcstressResults {
    private JcstressResults() {
    }

    public static List<StressTestResult> read(Path resultFile) throws IOException {
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(resultFile.toString(), collector);
        try {
            reader.dump();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot read jcstress results " + resultFile + ": " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        List<StressTestResult> results = new ArrayList<>();
        for (TestResult merged : ReportUtils.mergedByName(collector.getTestResults())) {
            List<StressOutcome> outcomes = new ArrayList<>();
            for (GradingResult grading : merged.grading().gradingResults.values()) {
                outcomes.add(new StressOutcome(grading.id, grading.count, grading.expect.name(),
                        grading.description));
            }
            String error = merged.status() == Status.NORMAL ? null
                    : ReportUtils.statusToLabel(merged) + firstMessage(merged);
            results.add(new StressTestResult(merged.getName(), outcomes, error));
        }
        results.sort(Comparator.comparing(StressTestResult::test));
        return results;
    }

    private static String firstMessage(TestResult result) {
        return result.getMessages().stream().filter(m -> !m.isBlank()).findFirst().map(m -> ": " + m.strip())
                .orElse("");
    }
}
