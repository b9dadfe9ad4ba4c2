package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.results.write.SummaryWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IPC rows compare each transport with TCP loopback of its own family, and streaming rows gain MB/s. */
class IpcQuestionsTest {
    private static final String STREAM = "designbench.ipc.StreamBench.send";

    private static Measurement stream(String transport, double messagesPerSecond) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("transport", transport);
        params.put("messageBytes", "1048576");
        params.put("placement", "ANY_CPU");
        return Measurement.measured(STREAM, "thrpt", params, messagesPerSecond, 10, "ops/s");
    }

    @Test
    void eachUnixSocketTransportIsComparedWithTheTcpOfItsFamily() {
        QuestionTable table = SummaryBuilder.build(List.of(
                stream("NIO_TCP", 1000), stream("NIO_UDS", 2000), stream("JUNIXSOCKET_UDS", 1500),
                stream("NETTY_EPOLL_TCP", 800), stream("NETTY_EPOLL_UDS", 400))).get(0);
        assertEquals("ipc-stream", table.question().id());
        assertEquals(List.of(1.0, 2.0, 1.5, 1.0, 0.5), table.rows().stream().map(QuestionTable.Row::ratio).toList());
        assertEquals("its transport baseline", table.question().baselineLabel());
    }

    @Test
    void streamingRowsReportPayloadMegabytesPerSecond() {
        Measurement row = stream("NIO_UDS", 2000);
        assertEquals(2000 * 1048576 / 1e6, row.megabytesPerSecond(QuestionCatalog.forBenchmark(STREAM).bytesParam()), 1e-9);
        String csv = SummaryWriter.csv(designbench.results.write.GoldenEnvironment.get(), SummaryBuilder.build(List.of(stream("NIO_TCP", 1000), row)), List.of());
        assertTrue(csv.contains(",2097.152,"), csv);
    }
}
