package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a row's run length says it rests on: forks × iterations, single operations, or load runs. */
class RunLengthTest {

    @Test
    void timedIterations() {
        RunLength length = new RunLength(0, 2, 1, "500 ms", 4, "250 ms");
        assertEquals("2 forks × 4 × 250 ms after 1 × 500 ms warm-up", length.describe());
        assertEquals(8, length.n());
    }

    @Test
    void singleShotIterationsAreSingleOperations() {
        RunLength length = new RunLength(0, 2, 1, "single-shot", 4, "single-shot");
        assertEquals("2 forks × 4 single operations (single-shot) after 1 warm-up operation", length.describe());
        assertEquals(8, length.n(), "one operation per iteration: n counts operations");
    }

    @Test
    void aSingleShotResultIsReadAsSingleOperationsWhateverTimesJmhWrote() throws Exception {
        JsonNode result = new ObjectMapper().readTree("""
                {"mode": "ss", "forks": 2, "warmupIterations": 1, "warmupTime": "500 ms",
                 "measurementIterations": 4, "measurementTime": "250 ms"}""");
        assertEquals("2 forks × 4 single operations (single-shot) after 1 warm-up operation",
                RunLength.of(result).describe());
    }

    @Test
    void repeatedLoadRuns() {
        RunLength length = new RunLength(5, 0, 0, "0.5 s", 0, "1.5 s");
        assertEquals("5 load runs of 1.5 s after 0.5 s warm-up", length.describe());
        assertEquals(5, length.n());
        assertEquals("1 load run of 5 s", new RunLength(1, 0, 0, "", 0, "5 s").describe());
    }
}
