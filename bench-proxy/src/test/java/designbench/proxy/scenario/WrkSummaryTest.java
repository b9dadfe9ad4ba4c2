package designbench.proxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading wrk's summary, errors included (wrk prints its error lines only when there were any). */
class WrkSummaryTest {
    private static final List<String> HEAD = List.of(
            "Running 5s test @ http://127.0.0.1:8081/k/1",
            "  1 threads and 32 connections",
            "  Thread Stats   Avg      Stdev     Max   +/- Stdev",
            "    Latency     1.31ms  410.12us  12.01ms   90.12%",
            "    Req/Sec    24.51k     1.02k   26.40k    72.00%",
            "  121987 requests in 5.00s, 19.31MB read");

    @Test
    void aCleanRunHasNoErrors() throws IOException {
        WrkSummary summary = WrkSummary.parse(concat(HEAD, List.of("Requests/sec:  24397.40",
                "Transfer/sec:      3.86MB")));
        assertEquals(24397.40, summary.requestsPerSecond(), 1e-9);
        assertTrue(summary.errors().isEmpty());
    }

    @Test
    void socketErrorsAndBadStatusesAreCountedByKind() throws IOException {
        WrkSummary summary = WrkSummary.parse(concat(HEAD, List.of(
                "  Socket errors: connect 0, read 12, write 1, timeout 3",
                "  Non-2xx or 3xx responses: 57",
                "Requests/sec:  18000.00")));
        assertEquals(Map.of("read", 12L, "write", 1L, "timeout", 3L, "status_not_2xx_3xx", 57L), summary.errors());
    }

    @Test
    void outputWithoutARateOrWithAGarbledErrorLineIsAnError() {
        assertThrows(IOException.class, () -> WrkSummary.parse(HEAD));
        IOException garbled = assertThrows(IOException.class, () -> WrkSummary.parse(concat(HEAD, List.of(
                "  Socket errors: connect zero", "Requests/sec:  1.0"))));
        assertTrue(garbled.getMessage().contains("connect zero"), garbled.getMessage());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
