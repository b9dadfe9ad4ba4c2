package designbench.contract;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    @Test
    void namesAreCaseInsensitiveAndStandardIsTheDefault() {
        assertEquals(Profile.QUICK, Profile.named("Quick"));
        assertEquals(Profile.STANDARD, Profile.named(""));
        assertEquals(Profile.THOROUGH, Profile.named("thorough"));
    }

    @Test
    void unknownNameSaysWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Profile.named("fast"));
        assertTrue(e.getMessage().contains("quick, standard or thorough"), e.getMessage());
    }

    @Test
    void longerProfilesMeasureMore() {
        assertTrue(Profile.QUICK.forks() <= Profile.STANDARD.forks());
        assertTrue(Profile.STANDARD.forks() < Profile.THOROUGH.forks());
        assertTrue(Profile.QUICK.measurementIterations() * Profile.QUICK.measurementMillis()
                < Profile.STANDARD.measurementIterations() * Profile.STANDARD.measurementMillis());
    }

    @Test
    void everyProfileTimesTheProxyLoadRunsToo() {
        assertEquals(1, Profile.QUICK.load().compared().count(), "quick: one run per row");
        assertEquals(5, Profile.STANDARD.load().compared().count());
        assertEquals(2, Profile.named("smoke").load().compared().count(), "smoke repeats, so the path runs");
        assertEquals("5 × (0.3 s + 1 s)", Profile.STANDARD.load().compared().describe());
        assertThrows(IllegalArgumentException.class,
                () -> new Profile.LoadRuns(0, java.time.Duration.ZERO, java.time.Duration.ofSeconds(1)));
    }
}
