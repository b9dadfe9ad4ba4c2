package designbench.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.contract.Calibration;
import designbench.contract.Conditions;
import org.junit.jupiter.api.Test;

/** The recorded conditions survive environment.json, and a comparison flags calibrations beyond noise. */
class ConditionsTest {
    private static Conditions conditions(double cpuMillis, double wakeupMicros) {
        return new Conditions("#1 SMP", new Calibration(cpuMillis, wakeupMicros),
                new Calibration(cpuMillis * 1.01, wakeupMicros * 0.99), Double.NaN, 0.5, 1.5);
    }

    @Test
    void conditionsRoundTripThroughJsonIncludingAnUnknownSteal() throws Exception {
        Conditions written = conditions(100, 17);
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Conditions read = json.readValue(json.writeValueAsString(written), Conditions.class);
        assertEquals(written.start(), read.start());
        assertEquals(written.end(), read.end());
        assertTrue(Double.isNaN(read.stealPercent()));
    }

    @Test
    void calibrationsWithinNoiseAgreeAndAHostTwiceAsSlowIsFlagged() {
        assertNull(RunComparison.calibrationDifference(conditions(100, 17), conditions(104, 17.5)));
        String flagged = RunComparison.calibrationDifference(conditions(100, 17), conditions(100, 34));
        assertTrue(flagged.startsWith("the thread wake-up round trip took 2.00× as long in B"), flagged);
        assertNull(RunComparison.calibrationDifference(null, conditions(100, 34)), "older run: nothing to compare");
    }
}
