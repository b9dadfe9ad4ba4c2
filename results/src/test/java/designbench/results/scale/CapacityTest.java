package designbench.results.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapacityTest {
    @Test
    void theNotesFifteenBillionAMonthIsAbout5700PerSecond() {
        Capacity c = Capacity.parse("15e9/month", 3);
        assertEquals(15e9 / (30.44 * 86_400), c.perSecond(), 1e-9);
        assertEquals(5703, Math.round(c.perSecond()));
        assertEquals(17110, Math.round(c.peakPerSecond()));
        assertEquals(2, c.instancesFor(12_000), "17 110 at the peak over 12 000 per instance");
        assertEquals(1, c.instancesFor(20_000));
        assertTrue(c.describe().contains("5 703 requests/s on average (a month of 30.44 days)"), c.describe());
        assertTrue(c.describe().contains("peak 3× the average = 17 110 requests/s"), c.describe());
    }

    @Test
    void unitsFromSecondsToYears() {
        assertEquals(5000, Capacity.parse("5000/s", 1).perSecond(), 1e-9);
        assertEquals(2e6 / 86_400, Capacity.parse("2e6/day", 1).perSecond(), 1e-9);
        assertEquals(1.2e11 / (12 * 30.44 * 86_400), Capacity.parse("1.2e11/year", 1).perSecond(), 1e-9);
        assertEquals(12_000 * 30.44 * 86_400, Capacity.perMonth(12_000), 1e-3);
    }

    @Test
    void badInputSaysWhatIsExpected() {
        var error = assertThrows(IllegalArgumentException.class, () -> Capacity.parse("lots", 3));
        assertTrue(error.getMessage().contains("is not COUNT/UNIT"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Capacity.parse("0/s", 3));
        assertThrows(IllegalArgumentException.class, () -> Capacity.parse("5/s", 0.5));
        assertThrows(IllegalArgumentException.class, () -> CapacityMain.run(new String[] {"5/s", "fast"}));
    }

    @Test
    void theScriptsOutputNamesEveryAssumption() {
        String out = CapacityMain.run(new String[] {"15e9/month", "12000", "--peak", "2"});
        assertTrue(out.startsWith("stated load 15e9/month = 5 703 requests/s on average"), out);
        assertTrue(out.contains("at 12 000 requests/s per instance (31.6 bn a month): 1 instance(s) for the peak"),
                out);
    }
}
