package designbench.results.table;

import java.util.Arrays;
import org.apache.commons.math3.distribution.FDistribution;
import java.util.List;

/**
 * The samples a comparison tests, and what they are: every measured iteration, or one mean per fork when the forks
 * differ from each other more than the iterations inside them do (then iterations of one fork are not independent
 * samples of the row, and the fork is the unit: a JVM's JIT and memory layout are decided once per fork).
 *
 * @param values the samples
 * @param unit   "iterations" or "forks"
 */
public record Sampled(double[] values, String unit) {

    public static Sampled of(List<double[]> forks) {
        double[] all = forks.stream().flatMapToDouble(Arrays::stream).toArray();
        if (forks.size() < 2) {
            return new Sampled(all, "iterations");
        }
        double[] means = forks.stream().mapToDouble(f -> Arrays.stream(f).average().orElse(Double.NaN)).toArray();
        double within = forks.stream().filter(f -> f.length > 1).mapToDouble(Sampled::variance).average()
                .orElse(0);
        double perForkIterations = forks.stream().mapToInt(f -> f.length).average().orElse(1);
        // One-way analysis of variance: the forks' means spread, scaled to one iteration's, against the pooled
        // spread inside the forks; beyond the F distribution's 95th percentile the forks differ.
        double between = variance(means) * perForkIterations;
        int dfBetween = forks.size() - 1;
        int dfWithin = all.length - forks.size();
        if (dfWithin < 1 || within == 0) {
            return new Sampled(between > 0 ? means : all, between > 0 ? "forks" : "iterations");
        }
        double critical = new FDistribution(dfBetween, dfWithin).inverseCumulativeProbability(0.95);
        return between / within > critical ? new Sampled(means, "forks") : new Sampled(all, "iterations");
    }

    /** The sample variance (n − 1 in the denominator); 0 for fewer than 2 values. */
    public static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }

    public int n() {
        return values.length;
    }
}
