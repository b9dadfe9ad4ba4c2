package designbench.results.scale;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UslFitTest {
    /**
     * Throughput of a Cisco benchmark by concurrency, as published in Baron Schwartz's "Practical Scalability
     * Analysis with the Universal Scalability Law" (the data set usl4j tests against), with the book's fitted
     * coefficients λ 995.6486, σ 0.02671591, κ 7.690945e-4, peak 12 341 at N ≈ 35.
     */
    static final double[][] CISCO = {{1, 955.16}, {2, 1878.91}, {3, 2688.01}, {4, 3548.68}, {5, 4315.54},
        {6, 5130.43}, {7, 5931.37}, {8, 6531.08}, {9, 7219.8}, {10, 7867.61}, {11, 8278.71}, {12, 8646.7},
        {13, 9047.84}, {14, 9426.55}, {15, 9645.37}, {16, 9897.24}, {17, 10097.6}, {18, 10240.5}, {19, 10532.39},
        {20, 10798.52}, {21, 11151.43}, {22, 11518.63}, {23, 11806}, {24, 12089.37}, {25, 12075.41},
        {26, 12177.29}, {27, 12211.41}, {28, 12158.93}, {29, 12155.27}, {30, 12118.04}, {31, 12140.4},
        {32, 12074.39}};

    private static void assertWithin(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= Math.abs(expected) * relative,
                what + ": expected " + expected + " ± " + relative * 100 + " %, got " + actual);
    }

    @Test
    void theBooksCoefficientsAreFoundWithinOnePercent() {
        UslFit.Outcome outcome = UslFit.fit(List.of(CISCO));
        assertTrue(outcome.fitted(), outcome.refusal());
        UslFit fit = outcome.fit();
        assertWithin(995.6486, fit.lambda(), 0.01, "λ");
        assertWithin(0.02671591, fit.sigma(), 0.01, "σ");
        assertWithin(7.690945e-4, fit.kappa(), 0.01, "κ");
        assertEquals(35, Math.floor(fit.peakConcurrency()));
        assertWithin(12341, fit.peakThroughput(), 0.01, "peak");
        assertTrue(fit.rSquared() > 0.99, "R² " + fit.rSquared());
        assertEquals(32, fit.points());
        assertTrue(fit.scalingVerdict().startsWith("scales over the measured range (N ≤ 32; peak predicted at N ≈ 36"),
                fit.scalingVerdict());
    }

    @Test
    void aCurveThatPeaksInsideTheRangeIsScalabilityBound() {
        List<double[]> points = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            points.add(new double[] {n, 1000.0 * n / (1 + 0.05 * (n - 1) + 0.002 * n * (n - 1))});
        }
        UslFit fit = UslFit.fit(points).fit();
        assertWithin(0.002, fit.kappa(), 0.001, "κ");
        assertTrue(fit.scalingVerdict().startsWith("scalability-bound: throughput peaks at N ≈ 22"),
                fit.scalingVerdict());
    }

    @Test
    void fewerThanFourConcurrenciesAreRefusedWithTheReason() {
        UslFit.Outcome outcome = UslFit.fit(List.of(new double[] {1, 10}, new double[] {2, 19},
                new double[] {8, 60}, new double[] {8, 61}));
        assertFalse(outcome.fitted());
        assertEquals("not fitted: 3 distinct concurrencies, the law needs at least 4", outcome.refusal());
    }

    @Test
    void aZeroOrMissingThroughputIsRefused() {
        UslFit.Outcome outcome = UslFit.fit(List.of(new double[] {1, 10}, new double[] {2, 0},
                new double[] {4, 30}, new double[] {8, 40}));
        assertFalse(outcome.fitted());
        assertTrue(outcome.refusal().contains("positive throughput"), outcome.refusal());
    }

    @Test
    void aFlatSeriesIsDegenerateNotAFit() {
        UslFit.Outcome outcome = UslFit.fit(List.of(new double[] {1, 10}, new double[] {2, 10},
                new double[] {4, 10}, new double[] {8, 10}));
        assertFalse(outcome.fitted(), "all throughputs equal: R² is undefined");
        assertTrue(outcome.refusal().startsWith("not fitted: degenerate"), outcome.refusal());
    }

    /** Run 2026-12-03T06-23-57Z showed N* ≈ 0 and a negative peak for a fair lock: concurrency starts at 1. */
    @Test
    void thePeakIsNeverBelowOneUnitOfConcurrency() {
        UslFit coherent = new UslFit(27.2, 0, 6.24, 0.997, 4, 8);
        assertEquals(1, coherent.peakConcurrency());
        assertEquals(27.2, coherent.peakThroughput(), 1e-9, "the peak is the throughput at N = 1, λ");
        assertTrue(coherent.scalingVerdict().startsWith("scalability-bound: throughput peaks at N ≈ 1"),
                coherent.scalingVerdict());

        UslFit contended = new UslFit(25.1, 2.75, 0, 0.896, 4, 8);
        assertEquals(1, contended.peakConcurrency());
        assertEquals(25.1, contended.peakThroughput(), 1e-9);
        assertTrue(contended.scalingVerdict().startsWith("scalability-bound: throughput is highest at N = 1"),
                contended.scalingVerdict());

        UslFit both = new UslFit(70.8, 1.26, 0.0359, 0.908, 4, 8);
        assertEquals(1, both.peakConcurrency(), "σ > 1 and κ > 0: √((1−σ)/κ) has no real value, the peak is at 1");
    }

    @Test
    void aLooseFitSaysSo() {
        UslFit loose = new UslFit(33.3, 1.51, 0, 0.022, 4, 8);
        assertTrue(loose.scalingVerdict().endsWith("(a loose fit, R² 0.02: the points barely follow the curve, so "
                + "read them too)"), loose.scalingVerdict());
        assertFalse(new UslFit(28.3, 4.12, 0, 0.804, 4, 8).scalingVerdict().contains("loose"));
    }
}
