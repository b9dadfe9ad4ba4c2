package designbench.results.scale;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Gunther's Universal Scalability Law fitted to measured throughput X at concurrency N:
 * X(N) = λN / (1 + σ(N−1) + κN(N−1)), by non-linear least squares (commons-math3's Levenberg–Marquardt), with σ and
 * κ kept non-negative. λ is the throughput of one unit of concurrency without any sharing, σ the share of the work
 * that is serialised (contention: it caps the speed-up at 1/σ), κ the cost of keeping units coherent with each
 * other (crosstalk: it makes throughput peak at N* = √((1−σ)/κ) and fall after).
 *
 * @param lambda   λ, throughput at N=1 without contention (the unit of X)
 * @param sigma    σ, contention
 * @param kappa    κ, coherency
 * @param rSquared R² of the fit on the measured points
 * @param points   how many measured points it rests on
 * @param maxN     the largest measured concurrency
 */
public record UslFit(double lambda, double sigma, double kappa, double rSquared, int points, double maxN) {

    /** A fit, or the reason there is none. */
    public record Outcome(UslFit fit, String refusal) {
        public boolean fitted() {
            return fit != null;
        }
    }

    /** Fewer distinct concurrencies than this and the three coefficients are not determined. */
    public static final int MIN_POINTS = 4;

    /** Predicted throughput at concurrency {@code n}. */
    public double throughputAt(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /**
     * N*, the concurrency of peak throughput, at least 1 (there is no smaller concurrency): 1 when σ ≥ 1 (each unit
     * added costs more than it brings) or when √((1−σ)/κ) is below 1; infinite when κ is 0 and σ &lt; 1 (throughput
     * only levels off, at λ/σ).
     */
    public double peakConcurrency() {
        if (sigma >= 1) {
            return 1;
        }
        return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.max(1, Math.sqrt((1 - sigma) / kappa));
    }

    /** The throughput at N* (λ when N* is 1), or the asymptote λ/σ when N* is infinite. */
    public double peakThroughput() {
        double peak = peakConcurrency();
        return Double.isInfinite(peak) ? (sigma > 0 ? lambda / sigma : Double.POSITIVE_INFINITY)
                : throughputAt(peak);
    }

    /** Fits the points {N, X}; refuses, with the reason, when they cannot determine the three coefficients. */
    public static Outcome fit(List<double[]> points) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double[] p : points) {
            if (p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1]) || p[0] < 1 || p[1] <= 0) {
                return new Outcome(null, "a point is not a concurrency ≥ 1 with a positive throughput: "
                        + java.util.Arrays.toString(p));
            }
            distinct.add(p[0]);
        }
        if (distinct.size() < MIN_POINTS) {
            return new Outcome(null, "not fitted: " + distinct.size() + " distinct concurrencies, the law needs at "
                    + "least " + MIN_POINTS);
        }
        double[] n = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] x = points.stream().mapToDouble(p -> p[1]).toArray();
        double lambda0 = 0;
        for (int i = 0; i < n.length; i++) {
            lambda0 = Math.max(lambda0, x[i] / n[i]);
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(new double[] {lambda0, 0.01, 0.0001})
                .model(parameters -> model(parameters, n))
                .target(x)
                .parameterValidator(p -> new ArrayRealVector(new double[] {Math.max(p.getEntry(0), 1e-12),
                        Math.max(p.getEntry(1), 0), Math.max(p.getEntry(2), 0)}))
                .maxEvaluations(100_000)
                .maxIterations(100_000)
                .build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (MathIllegalStateException e) {
            return new Outcome(null, "not fitted: the least-squares search did not converge (" + e.getMessage() + ")");
        }
        RealVector p = optimum.getPoint();
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double total = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
        double residual = optimum.getResiduals().dotProduct(optimum.getResiduals());
        double r2 = total == 0 ? Double.NaN : 1 - residual / total;
        UslFit fit = new UslFit(p.getEntry(0), p.getEntry(1), p.getEntry(2), r2, points.size(), distinct.last());
        if (!Double.isFinite(r2) || !(fit.lambda() > 0)) {
            return new Outcome(null, "not fitted: degenerate (λ " + fit.lambda() + ", R² " + r2 + ")");
        }
        return new Outcome(fit, null);
    }

    /** X(N) at each measured N, and its derivatives by λ, σ and κ. */
    private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> model(RealVector parameters,
                                                                                      double[] n) {
        double lambda = parameters.getEntry(0);
        double sigma = parameters.getEntry(1);
        double kappa = parameters.getEntry(2);
        double[] value = new double[n.length];
        double[][] jacobian = new double[n.length][3];
        for (int i = 0; i < n.length; i++) {
            double d = 1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1);
            value[i] = lambda * n[i] / d;
            jacobian[i][0] = n[i] / d;
            jacobian[i][1] = -lambda * n[i] * (n[i] - 1) / (d * d);
            jacobian[i][2] = -lambda * n[i] * n[i] * (n[i] - 1) / (d * d);
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** A coefficient to three significant digits, without trailing zeros: 0.0267, 0.000769, 996. */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return value > 0 ? "∞" : String.valueOf(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * The verdict in the design note's terms. Scalability-bound: throughput peaks inside the measured range and
     * falls after (κ), or contention caps the speed-up below the measured range's width (σ: 1/σ < max N).
     * Otherwise it scales over what was measured. A fit with R² below {@value #LOOSE_FIT} says so: its points (often
     * flat, where noise is most of the variance) barely follow the curve, so the coefficients are rough.
     */
    public String scalingVerdict() {
        String verdict = shape();
        return rSquared < LOOSE_FIT ? verdict + String.format(Locale.ROOT, " (a loose fit, R² %.2f: the points "
                + "barely follow the curve, so read them too)", rSquared) : verdict;
    }

    /** Below this R² a fit's verdict says that the fit is loose. */
    public static final double LOOSE_FIT = 0.5;

    private String shape() {
        double peak = peakConcurrency();
        if (sigma >= 1) {
            return String.format(Locale.ROOT, "scalability-bound: throughput is highest at N = 1 and falls after "
                    + "(contention σ %s ≥ 1: each unit added costs more than it brings)", significant(sigma));
        }
        if (peak <= maxN) {
            return String.format(Locale.ROOT, "scalability-bound: throughput peaks at N ≈ %.0f and falls after "
                    + "(coherency κ %s)", peak, significant(kappa));
        }
        if (sigma > 0 && 1 / sigma < maxN) {
            return String.format(Locale.ROOT, "scalability-bound: contention σ %s caps the speed-up at %.1f×",
                    significant(sigma), 1 / sigma);
        }
        return String.format(Locale.ROOT, "scales over the measured range (N ≤ %.0f; peak predicted at N ≈ %s)",
                maxN, Double.isInfinite(peak) ? "∞" : String.format(Locale.ROOT, "%.0f", peak));
    }
}
