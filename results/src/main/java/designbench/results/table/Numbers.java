package designbench.results.table;

import java.util.Locale;

/** Formats scores for tables: three significant digits, no false precision, the same everywhere. */
public final class Numbers {
    private Numbers() {
    }

    /** 12345 → "12345", 123.4 → "123", 12.34 → "12.3", 1.234 → "1.23", 0.01234 → "0.0123"; NaN → "n/a". */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** A ratio always with two decimals, so a column of ratios lines up: 0.17, 1.00, 12.41. */
    public static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value >= 0.01 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.2g", value);
    }

    /** A p-value as the comparisons print it: "< 0.001", or three decimals ("0.012"). */
    public static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
