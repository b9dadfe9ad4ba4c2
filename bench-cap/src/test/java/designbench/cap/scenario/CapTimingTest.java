package designbench.cap.scenario;

import designbench.contract.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapTimingTest {
    @Test
    void standardHasSeveralPartitionsOfDifferentLengths() {
        CapTiming standard = CapTiming.of(Profile.STANDARD);
        assertTrue(standard.partitions().size() >= 3);
        assertEquals(standard.partitions().size(), standard.partitions().stream().distinct().count());
        assertTrue(standard.describe().startsWith("standard: 3 partitions of 3 s, 10 s, 20 s"), standard.describe());
    }

    @Test
    void everyProfileHasItsOwnTiming() {
        for (Profile profile : List.of(Profile.QUICK, Profile.STANDARD, Profile.THOROUGH, Profile.SMOKE)) {
            assertEquals(profile.name(), CapTiming.of(profile).name());
        }
    }
}
