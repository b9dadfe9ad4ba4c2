package designbench.ipc;

import designbench.contract.HistogramTags;
import designbench.ipc.transport.PeerKind;
import designbench.ipc.transport.Placement;
import designbench.ipc.transport.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs each benchmark once per transport with minimal settings (one fork, one short iteration, one message size):
 * not a measurement, but a benchmark that throws or hangs fails the build. It also checks that the latency logs
 * the results tables read are written, tagged with the benchmark and its parameters.
 */
class BenchmarksSmokeIT {
    @TempDir
    Path histograms;

    /** One fork, one short iteration, 1 KiB messages, priming cut to a second, latency logs into the temp folder. */
    private ChainedOptionsBuilder once(String classRegex) {
        return new OptionsBuilder()
                .include("designbench\\.ipc\\." + classRegex + "\\.")
                .param("messageBytes", "1024")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .jvmArgsAppend("-D" + HistogramTags.FOLDER_PROPERTY + "=" + histograms, "-Ddesignbench.ipc.primingSeconds=1");
    }

    @Test
    void everyBenchmarkRunsOverEveryTransportAndLogsItsLatencies() throws RunnerException, IOException {
        // Pinned where taskset exists, so that the pinning code runs too; a machine without it skips that part.
        Placement pinned = Placement.ONE_CPU.unavailableReason() == null ? Placement.ONE_CPU : Placement.ANY_CPU;
        String[] transports = Arrays.stream(Transport.values())
                .filter(t -> t.unavailableReason(PeerKind.PROCESS, pinned) == null).map(Enum::name)
                .toArray(String[]::new);
        String[] severalClients = Arrays.stream(Transport.values()).filter(Transport::servesSeveralConnections)
                .filter(t -> t.unavailableReason(PeerKind.PROCESS, Placement.ANY_CPU) == null).map(Enum::name)
                .toArray(String[]::new);
        String placement = pinned.name();
        Collection<RunResult> results = new Runner(once("(PingPongBench|StreamBench)")
                .param("transport", transports)
                .param("peer", "PROCESS")
                .param("placement", placement)
                .build()).run();
        results.addAll(new Runner(once("RequestResponseBench")
                .param("transport", severalClients)
                .param("placement", "ANY_CPU")
                .build()).run());

        Set<String> ran = new HashSet<>();
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertFalse(Double.isNaN(score) || score <= 0, result.getParams().getBenchmark() + " scored " + score);
            ran.add(result.getParams().getBenchmark() + " " + result.getParams().getParam("transport"));
        }
        assertEquals(2 * transports.length + severalClients.length, ran.size(),
                "every benchmark ran over every transport: " + ran);

        Set<String> tags = new TreeSet<>();
        try (Stream<Path> logs = Files.list(histograms)) {
            for (Path log : logs.toList()) {
                HistogramLogReader reader = new HistogramLogReader(log.toFile());
                for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
                    assertTrue(h.getMaxValueAsDouble() > 0, log + " holds measured latencies");
                    tags.add(h.getTag());
                }
                reader.close();
            }
        }
        assertTrue(tags.contains("designbench.ipc.PingPongBench.roundTrip?messageBytes=1024&peer=PROCESS"
                + "&placement=" + placement + "&transport=NIO_UDS"), tags.toString());
        assertTrue(tags.contains("designbench.ipc.RequestResponseBench.request?messageBytes=1024"
                + "&placement=ANY_CPU&threadKind=PLATFORM&transport=NETTY_NIO_TCP"), tags.toString());
        assertTrue(tags.contains("designbench.ipc.PingPongBench.roundTrip?messageBytes=1024&peer=PROCESS"
                + "&placement=" + placement + "&transport=NETTY_NIO_TCP_LOOP"), tags.toString());
        assertEquals(transports.length + severalClients.length, tags.size(),
                "one tag per ping-pong and request/response row");
    }
}
