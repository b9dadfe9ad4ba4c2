package designbench.proxy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static LoadReport measuredFrom(long nanos) {
        return new LoadReport("open", 1000, 32, 3, 1000, 3000, Map.of(), null, 0, 0, Map.of(), 0, List.of(), nanos);
    }

    @Test
    void anEventIsPlacedInTheMeasuredSecondItFellIn() {
        long from = 5_000_000_000L;
        LoadReport report = measuredFrom(from);
        assertEquals(1, report.secondOf(from));
        assertEquals(1, report.secondOf(from + 999_999_999L));
        assertEquals(2, report.secondOf(from + 1_000_000_000L));
        assertEquals(5, report.secondOf(from + 4_200_000_000L));
        assertEquals(0, report.secondOf(from - 1), "before the window");
    }

    @Test
    void aReportWithoutAWindowStartPlacesNothing() {
        LoadReport report = new LoadReport("closed", 0, 32, 3, 1000, 3000, Map.of(), null, 0, 0, Map.of(), 0,
                List.of());
        assertEquals(0, report.secondOf(7_000_000_000L));
    }
}
