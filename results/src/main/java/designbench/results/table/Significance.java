package designbench.results.table;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * When two rows differ clearly, as benchstat decides it: a two-sided Mann–Whitney U test (commons-math3) on their
 * samples gives p &lt; {@value #ALPHA}, and the scores differ by at least the noise threshold. With fewer than
 * {@value #MIN_SAMPLES} samples on a side there is no test. Used within a run (a row against its baseline) and
 * between runs (a row against itself).
 */
public final class Significance {
    public static final double ALPHA = 0.05;
    /** Changes smaller than this are noise whatever the test says. */
    public static final double NOISE = 0.02;
    public static final int MIN_SAMPLES = 4;
    /** What {@link #change} says when a side has fewer than {@value #MIN_SAMPLES} samples. */
    public static final String TOO_FEW = "too few samples";

    private Significance() {
    }

    /** Whether both sides have enough samples for a test. */
    public static boolean testable(Sampled a, Sampled b) {
        return a.n() >= MIN_SAMPLES && b.n() >= MIN_SAMPLES;
    }

    /** The two-sided p-value; NaN without enough samples. */
    public static double pValue(Sampled a, Sampled b) {
        return testable(a, b) ? new MannWhitneyUTest().mannWhitneyUTest(a.values(), b.values()) : Double.NaN;
    }

    /**
     * How score {@code b} compares with score {@code a} at p-value {@code p} ({@link #pValue}): "~" (no clear
     * change), "better" or "worse" by the test, the noise threshold and the direction of the mode; "too few
     * samples" when there was no test (p is NaN).
     */
    public static String change(double a, double b, double p, boolean higherIsBetter, double noise) {
        if (Double.isNaN(p)) {
            return TOO_FEW;
        }
        if (!clear(a, b, p, noise)) {
            return "~";
        }
        return (b > a) == higherIsBetter ? "better" : "worse";
    }

    /** The noise threshold {@code text} gives as a fraction (0.3 for 30 %), checked: at least 0, below 1. */
    public static double noise(String text) {
        double noise;
        try {
            noise = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("noise threshold '" + text + "' is not a number: give a fraction, "
                    + "e.g. 0.3 for 30 %");
        }
        if (!(noise >= 0 && noise < 1)) {
            throw new IllegalArgumentException("noise threshold " + text + " is outside [0, 1): give a fraction, "
                    + "e.g. 0.3 for 30 %");
        }
        return noise;
    }

    /** Whether scores {@code a} and {@code b} with p-value {@code p} differ clearly. */
    public static boolean clear(double a, double b, double p, double noise) {
        return !Double.isNaN(p) && p < ALPHA && Math.abs(b - a) / Math.abs(a) >= noise;
    }
}
