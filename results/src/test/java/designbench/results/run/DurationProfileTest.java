package designbench.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurationProfileTest {
    @Test
    void namesAreCaseInsensitiveAndStandardIsTheDefault() {
        assertEquals(DurationProfile.QUICK, DurationProfile.named("Quick"));
        assertEquals(DurationProfile.STANDARD, DurationProfile.named(""));
        assertEquals(DurationProfile.THOROUGH, DurationProfile.named("thorough"));
    }

    @Test
    void unknownNameSaysWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DurationProfile.named("fast"));
        assertTrue(e.getMessage().contains("quick, standard or thorough"), e.getMessage());
    }

    @Test
    void longerProfilesMeasureMore() {
        assertTrue(DurationProfile.QUICK.forks() <= DurationProfile.STANDARD.forks());
        assertTrue(DurationProfile.STANDARD.forks() < DurationProfile.THOROUGH.forks());
        assertTrue(DurationProfile.QUICK.measurementIterations() * DurationProfile.QUICK.measurementMillis()
                < DurationProfile.STANDARD.measurementIterations() * DurationProfile.STANDARD.measurementMillis());
    }
}
