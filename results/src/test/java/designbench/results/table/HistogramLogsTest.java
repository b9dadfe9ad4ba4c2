package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latency logs as the IPC benchmarks write them: merged per tag across files, matched to rows, errors named. */
class HistogramLogsTest {
    private static final String PING = "designbench.ipc.PingPongBench.roundTrip";

    @TempDir
    Path dir;

    private static Map<String, String> params(String transport) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("transport", transport);
        params.put("messageBytes", "64");
        return params;
    }

    /** One log file as one fork writes it: a histogram of the given nanosecond values per iteration. */
    private void writeLog(String file, String tag, long[]... iterations) throws IOException {
        try (PrintStream out = new PrintStream(dir.resolve(file).toFile())) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputLegend();
            for (long[] values : iterations) {
                Histogram histogram = new Histogram(60_000_000_000L, 3);
                for (long value : values) {
                    histogram.recordValue(value);
                }
                histogram.setTag(tag);
                writer.outputIntervalHistogram(histogram);
            }
        }
    }

    @Test
    void histogramsWithTheSameTagAreMergedAcrossFilesAndGivenToTheirRow() throws IOException {
        Measurement tcp = Measurement.measured(PING, "avgt", params("NIO_TCP"), 20, 1, "us/op");
        Measurement uds = Measurement.measured(PING, "avgt", params("NIO_UDS"), 15, 1, "us/op");
        Measurement other = Measurement.measured(PING, "avgt", params("NETTY_NIO_TCP"), 30, 1, "us/op");
        assertEquals(PING + "?messageBytes=64&transport=NIO_TCP", tcp.histogramTag(), "parameters sorted by name");
        writeLog("fork1.hlog", tcp.histogramTag(), new long[] {10_000, 10_000}, new long[] {10_000});
        writeLog("fork2.hlog", tcp.histogramTag(), new long[] {10_000, 1_000_000});
        writeLog("fork3.hlog", uds.histogramTag(), new long[] {5_000});

        List<Measurement> rows = HistogramLogs.attach(List.of(tcp, uds, other), HistogramLogs.read(dir));

        LatencyPercentiles tcpLatencies = rows.get(0).latencies();
        assertEquals(5, tcpLatencies.count(), "three intervals of two files merged");
        assertEquals(10.0, tcpLatencies.p50(), 0.01);
        assertEquals(1000.0, tcpLatencies.max(), 1.0);
        assertEquals(5.0, rows.get(1).latencies().p99(), 0.01);
        assertNull(rows.get(2).latencies(), "a row without a histogram keeps none");
    }

    @Test
    void noFolderMeansNoPercentiles() throws IOException {
        assertTrue(HistogramLogs.read(dir.resolve("absent")).isEmpty());
    }

    @Test
    void aCorruptLogIsAnErrorThatNamesTheFile() throws IOException {
        writeLog("good.hlog", PING + "?transport=NIO_TCP", new long[] {1_000});
        Files.writeString(dir.resolve("broken.hlog"), "#[StartTime: 1.0]\nTag=x,0.1,0.2,3.0,not-base64!!\n");
        IOException error = assertThrows(IOException.class, () -> HistogramLogs.read(dir));
        assertTrue(error.getMessage().contains(dir.getFileName() + "/broken.hlog"), error.getMessage());
    }

    @Test
    void aLineOutsideTheLogFormatIsAnErrorNotTheSilentEndOfTheLog() throws IOException {
        // HdrHistogram's HistogramLogReader would stop at the bad line and report the first interval only.
        writeLog("fork1.hlog", PING + "?transport=NIO_TCP", new long[] {1_000}, new long[] {2_000});
        Path log = dir.resolve("fork1.hlog");
        List<String> lines = Files.readAllLines(log);
        lines.add(lines.size() - 1, "garbage");
        Files.write(log, lines);
        IOException error = assertThrows(IOException.class, () -> HistogramLogs.read(dir));
        assertTrue(error.getMessage().contains("fork1.hlog"), error.getMessage());
    }

    @Test
    void aTruncatedLogIsAnErrorThatSaysSo() throws IOException {
        writeLog("fork1.hlog", PING + "?transport=NIO_TCP", new long[] {1_000}, new long[] {2_000});
        Path log = dir.resolve("fork1.hlog");
        String text = Files.readString(log);
        Files.writeString(log, text.substring(0, text.length() - 20));
        IOException error = assertThrows(IOException.class, () -> HistogramLogs.read(dir));
        assertTrue(error.getMessage().contains("fork1.hlog") && error.getMessage().contains("middle of a line"),
                error.getMessage());
    }

    @Test
    void anUntaggedHistogramIsAnError() throws IOException {
        writeLog("fork1.hlog", null, new long[] {1_000});
        IOException error = assertThrows(IOException.class, () -> HistogramLogs.read(dir));
        assertTrue(error.getMessage().contains("untagged"), error.getMessage());
    }

    @Test
    void aLogWithoutIntervalsIsNoError() throws IOException {
        // A fork that failed before its first measured iteration leaves only the header.
        writeLog("fork1.hlog", PING + "?transport=NIO_TCP");
        assertTrue(HistogramLogs.read(dir).isEmpty());
    }
}
