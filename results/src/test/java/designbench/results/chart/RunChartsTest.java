package designbench.results.chart;

import designbench.contract.HistogramTags;
import designbench.results.answer.Verdicts;
import designbench.results.table.JmhJsonReader;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import designbench.results.table.RawSamples;
import designbench.results.table.SummaryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts drawn from the golden IPC and threads fixtures are written as non-empty PNG and SVG files. */
class RunChartsTest {
    @TempDir
    Path run;

    private static Path golden(String name) throws Exception {
        return Path.of(RunChartsTest.class.getResource("/golden/" + name).toURI());
    }

    @Test
    void everyQuestionWithHeadlineRowsGetsItsChartsAndLatencySpectra() throws Exception {
        Path histograms = HistogramTags.folderOf(run, "ipc");
        Files.createDirectories(histograms);
        try (Stream<Path> logs = Files.list(golden("ipc-histograms"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, histograms.resolve(log.getFileName()));
            }
        }
        List<Measurement> rows = new java.util.ArrayList<>(JmhJsonReader.read(golden("ipc.json")));
        rows.addAll(JmhJsonReader.read(golden("threads.json")));
        Map<RawSamples.Key, List<double[]>> samples = new java.util.LinkedHashMap<>(RawSamples.read(golden("ipc.json")));
        samples.putAll(RawSamples.read(golden("threads.json")));
        List<QuestionTable> tables = SummaryBuilder.build(rows, samples);

        Map<String, List<String>> charts = RunCharts.write(run, tables, Verdicts.forTables(tables, samples),
                "fixture machine, JDK 25, run test");

        assertTrue(charts.get("ipc-ping-pong").contains("charts/ipc-ping-pong.png"), charts.toString());
        assertTrue(charts.get("ipc-ping-pong").contains("charts/ipc-ping-pong-latency.png"), charts.toString());
        assertTrue(charts.containsKey("threads-start"), charts.toString());
        for (List<String> files : charts.values()) {
            for (String png : files) {
                assertTrue(Files.size(run.resolve(png)) > 1000, png);
                byte[] head = Files.readAllBytes(run.resolve(png));
                assertEquals((byte) 0x89, head[0], png + " is a PNG");
                Path svg = run.resolve(png.replace(".png", ".svg"));
                assertTrue(Files.readString(svg).contains("<svg"), svg.toString());
            }
        }
    }
}
