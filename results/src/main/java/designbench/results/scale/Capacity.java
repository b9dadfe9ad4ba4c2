package designbench.results.scale;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The design note's "how many requests a month" arithmetic: a stated load as requests per second on average and
 * at its peak, and how many instances of a measured rate carry it. A month is 30.44 days (365.25 / 12), so 15 bn
 * requests a month are 5 703 per second on average.
 *
 * @param perSecond  the stated load's average, in requests per second
 * @param stated     the load as it was stated, e.g. {@code 15e9/month}
 * @param peakFactor how far the peak exceeds the average (the note's rule of thumb: 3×)
 */
public record Capacity(double perSecond, String stated, double peakFactor) {
    public static final double SECONDS_PER_MONTH = 30.44 * 24 * 3600;
    public static final double DEFAULT_PEAK_FACTOR = 3;
    /** The design note's example: Twitter's 15 bn tweets a month. */
    public static final String NOTE_EXAMPLE = "15e9/month";

    private static final Pattern LOAD = Pattern.compile("\\s*([0-9.]+(?:[eE][+-]?[0-9]+)?)\\s*/\\s*"
            + "(s|sec|second|min|minute|h|hour|day|month|year)\\s*");

    public Capacity {
        if (!(perSecond > 0) || !Double.isFinite(perSecond)) {
            throw new IllegalArgumentException("a load must be a positive rate, not " + stated);
        }
        if (!(peakFactor >= 1) || !Double.isFinite(peakFactor)) {
            throw new IllegalArgumentException("the peak factor must be at least 1, not " + peakFactor);
        }
    }

    /** Parses {@code N/unit}, unit one of s, min, h, day, month (30.44 days), year (365.25 days). */
    public static Capacity parse(String load, double peakFactor) {
        Matcher m = LOAD.matcher(load);
        if (!m.matches()) {
            throw new IllegalArgumentException("load '" + load + "' is not COUNT/UNIT, e.g. 15e9/month, 5000/s or "
                    + "2e6/day (units: s, min, h, day, month, year)");
        }
        double count = Double.parseDouble(m.group(1));
        double seconds = switch (m.group(2)) {
            case "s", "sec", "second" -> 1;
            case "min", "minute" -> 60;
            case "h", "hour" -> 3600;
            case "day" -> 86_400;
            case "month" -> SECONDS_PER_MONTH;
            default -> 12 * SECONDS_PER_MONTH;
        };
        return new Capacity(count / seconds, load.trim(), peakFactor);
    }

    public double peakPerSecond() {
        return perSecond * peakFactor;
    }

    /** Requests per month at a sustained rate. */
    public static double perMonth(double perSecond) {
        return perSecond * SECONDS_PER_MONTH;
    }

    /** Instances of a measured rate that carry the peak: at least one, rounded up. */
    public long instancesFor(double measuredPerSecond) {
        if (!(measuredPerSecond > 0)) {
            throw new IllegalArgumentException("a measured rate must be positive, not " + measuredPerSecond);
        }
        return Math.max(1, (long) Math.ceil(peakPerSecond() / measuredPerSecond));
    }

    /** One line with every assumption, for the table's heading and the script. */
    public String describe() {
        return String.format(Locale.ROOT, "stated load %s = %s requests/s on average (a month of 30.44 days); "
                + "peak %s× the average = %s requests/s", stated, count(perSecond),
                peakFactor == Math.rint(peakFactor) ? String.format(Locale.ROOT, "%.0f", peakFactor)
                        : String.format(Locale.ROOT, "%.2f", peakFactor), count(peakPerSecond()));
    }

    /** A count for reading: 5 703, 1.37 M, 15.0 bn. */
    public static String count(double value) {
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.3g bn", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.3g M", value / 1e6);
        }
        return String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
    }
}
