package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void keepsAboutThreeSignificantDigits() {
        assertEquals("12345", Numbers.format(12345.4));
        assertEquals("123", Numbers.format(123.4));
        assertEquals("12.3", Numbers.format(12.34));
        assertEquals("1.23", Numbers.format(1.234));
        assertEquals("0.0123", Numbers.format(0.012345));
        assertEquals("0", Numbers.format(0));
        assertEquals("n/a", Numbers.format(Double.NaN));
    }

    @Test
    void ratiosHaveTwoDecimals() {
        assertEquals("0.17", Numbers.ratio(0.1712));
        assertEquals("1.00", Numbers.ratio(1));
        assertEquals("12.41", Numbers.ratio(12.4149));
        assertEquals("0.0012", Numbers.ratio(0.00123));
        assertEquals("n/a", Numbers.ratio(Double.NaN));
    }
}
