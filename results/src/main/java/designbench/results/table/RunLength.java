package designbench.results.table;

import com.fasterxml.jackson.databind.JsonNode;
import designbench.contract.Profile.LoadRuns;
import java.time.Duration;

/**
 * How long a row was measured, as its result file states it: JMH's forks and iterations, or one load run of a
 * scenario suite. It says how many samples a row rests on ({@link #n()}) and what a table heading may claim.
 *
 * @param loadRuns          load runs behind the row (a scenario row), 0 for a JMH row
 * @param forks             JMH forks, 0 when unknown
 * @param warmupIterations  JMH warm-up iterations per fork
 * @param warmupTime        JMH's warm-up time per iteration ("500 ms"), or a load run's warm-up ("2 s"); "" unknown
 * @param iterations        measured iterations per fork (JMH), or 1 for a load run
 * @param measurementTime   time per measured iteration, or a load run's measured time; "" when unknown
 */
public record RunLength(int loadRuns, int forks, int warmupIterations, String warmupTime, int iterations,
                        String measurementTime) {

    /** The iteration time of a single-shot row, where each iteration is one operation. */
    static final String SINGLE_SHOT = "single-shot";

    /** A row whose file says nothing about its run length (hand-written fixtures, old files). */
    public static final RunLength UNKNOWN = new RunLength(0, 0, 0, "", 0, "");

    /** The run length a JMH JSON result states. */
    static RunLength of(JsonNode result) {
        // In single-shot mode JMH still writes the iteration times it was given, which it did not use.
        boolean singleShot = "ss".equals(result.path("mode").asText());
        return new RunLength(0, result.path("forks").asInt(0),
                result.path("warmupIterations").asInt(0),
                singleShot ? SINGLE_SHOT : result.path("warmupTime").asText(""),
                result.path("measurementIterations").asInt(0),
                singleShot ? SINGLE_SHOT : result.path("measurementTime").asText(""));
    }

    /** The run length of a load-run row: its load runs, each measured and (unless null) warmed for so long. */
    static RunLength ofLoadRuns(int loadRuns, double measuredSeconds, Double warmupSeconds) {
        return new RunLength(loadRuns, 0, 0, warmupSeconds == null ? "" : seconds(warmupSeconds), 1,
                seconds(measuredSeconds));
    }

    private static String seconds(double seconds) {
        return LoadRuns.seconds(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Whether the row is a scenario's load run rather than a JMH benchmark. */
    public boolean isLoadRun() {
        return loadRuns > 0;
    }

    /** Samples the row rests on: load runs, or forks × measured iterations; 0 when unknown. */
    public int n() {
        return isLoadRun() ? loadRuns : forks * iterations;
    }

    /**
     * "2 forks × 4 × 250 ms after 1 × 500 ms warm-up", "2 forks × 4 single operations (single-shot) after 1 warm-up
     * operation", "5 load runs of 1.5 s after 0.5 s warm-up", or "unknown".
     */
    public String describe() {
        if (isLoadRun()) {
            return loadRuns + (loadRuns == 1 ? " load run" : " load runs") + " of " + orUnknown(measurementTime)
                    + (warmupTime.isEmpty() ? "" : " after " + warmupTime + " warm-up");
        }
        if (forks == 0) {
            return "unknown";
        }
        if (SINGLE_SHOT.equals(measurementTime)) {
            return forks + (forks == 1 ? " fork × " : " forks × ") + iterations + " single operations (single-shot)"
                    + (warmupIterations == 0 ? ", no warm-up" : " after " + warmupIterations
                    + (warmupIterations == 1 ? " warm-up operation" : " warm-up operations"));
        }
        return forks + (forks == 1 ? " fork × " : " forks × ") + iterations + " × " + orUnknown(measurementTime)
                + (warmupIterations == 0 ? ", no warm-up" : " after " + warmupIterations + " × "
                + orUnknown(warmupTime) + " warm-up");
    }

    private static String orUnknown(String time) {
        return time.isEmpty() ? "unknown time" : time;
    }
}
