package designbench.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.results.table.Measurement;
import designbench.results.table.SuiteOutcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back what a JMH suite left in the run folder: scores, latency logs, failures. */
class SuiteOutputTest {
    @TempDir
    Path runDir;

    private Path histograms;

    /** The suite's files as part of a real IPC run left them (see the golden test's fixture). */
    @BeforeEach
    void copyIpcFixture() throws IOException, URISyntaxException {
        Path golden = Path.of(SuiteOutputTest.class.getResource("/golden").toURI());
        Files.copy(golden.resolve("ipc.json"), runDir.resolve("ipc.json"));
        Files.copy(golden.resolve("ipc-failures.json"), runDir.resolve("ipc-failures.json"));
        histograms = Files.createDirectory(runDir.resolve("ipc-histograms"));
        try (Stream<Path> logs = Files.list(golden.resolve("ipc-histograms"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, histograms.resolve(log.getFileName()));
            }
        }
    }

    @Test
    void rowsThatLoggedLatenciesGetTheirPercentiles() throws IOException {
        SuiteOutput.Result result = SuiteOutput.readJmhOutput("ipc", runDir, List.of());
        assertEquals("", result.outcome().detail());
        assertEquals(12, result.outcome().measuredCount());
        assertEquals(1, result.outcome().unavailableCount());
        for (Measurement row : result.measurements()) {
            // Ping-pong and request/response log every operation; streaming logs nothing; failures have no row.
            boolean logged = !row.failed() && !row.benchmark().endsWith("StreamBench.send");
            assertEquals(logged, row.latencies() != null, row.histogramTag());
        }
    }

    @Test
    void anUnreadableLatencyLogCostsThePercentilesButKeepsTheScoresAndSaysWhy() throws IOException {
        Files.writeString(histograms.resolve("PingPongBench.roundTrip-1-1.hlog"), "not a histogram log\n");
        SuiteOutput.Result result = SuiteOutput.readJmhOutput("ipc", runDir, List.of());
        SuiteOutcome outcome = result.outcome();
        assertEquals(SuiteOutcome.Status.RAN, outcome.status());
        assertTrue(outcome.detail().contains("ipc-histograms/PingPongBench.roundTrip-1-1.hlog"), outcome.detail());
        assertEquals(13, result.measurements().size(), "every score and failure is still there");
        assertTrue(result.measurements().stream().allMatch(m -> m.latencies() == null));
    }
}
