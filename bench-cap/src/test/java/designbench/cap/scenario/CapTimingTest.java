package designbench.cap.scenario;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapTimingTest {
    @Test
    void standardHasSeveralPartitionsOfDifferentLengths() {
        CapTiming standard = CapTiming.named("standard");
        assertTrue(standard.partitions().size() >= 3);
        assertEquals(standard.partitions().size(), standard.partitions().stream().distinct().count());
        assertTrue(standard.describe().startsWith("standard: 3 partitions of 3 s, 10 s, 20 s"), standard.describe());
    }

    @Test
    void anUnknownProfileIsRefusedNotRunAsAnother() {
        var error = assertThrows(IllegalArgumentException.class, () -> CapTiming.named("fast"));
        assertTrue(error.getMessage().contains("unknown bench.profile 'fast'"), error.getMessage());
    }
}
