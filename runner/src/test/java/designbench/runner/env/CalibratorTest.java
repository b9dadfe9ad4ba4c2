package designbench.runner.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.contract.Calibration;
import designbench.contract.Conditions;
import org.junit.jupiter.api.Test;

class CalibratorTest {
    @Test
    void aMeasuredCalibrationIsPositive() {
        Calibration measured = Calibrator.measure();
        assertTrue(measured.cpuLoopMillis() > 0 && measured.wakeupRoundTripMicros() > 0, measured.toString());
    }

    @Test
    void theEndOfARunKeepsItsStartAndAddsASecondCalibration() {
        ConditionsProbe probe = ConditionsProbe.start();
        Conditions end = probe.atEnd();
        assertTrue(end.start() == probe.atStart().start() && end.end() != null, end.toString());
        assertTrue(end.calibrationSpread() >= 0 || Double.isNaN(end.calibrationSpread()), end.toString());
    }
}
