package designbench.results.run;

import java.util.List;
import java.util.Locale;

/**
 * How long a benchmark run measures: the same benchmark files run under each profile.
 *
 * @param forks                   JVM forks per benchmark and parameter set, >= 1
 * @param warmupIterations        warm-up iterations per fork
 * @param warmupMillis            length of one warm-up iteration
 * @param measurementIterations   measured iterations per fork, >= 1
 * @param measurementMillis       length of one measured iteration
 * @param jcstressArgs            the jcstress mode (and any override) for correctness tests
 * @param parameterSubset         whether only the parameter values each suite declares for this profile are run
 *                                (its {@code META-INF/designbench/<name>.properties}), instead of every value
 */
public record DurationProfile(String name, int forks, int warmupIterations, int warmupMillis,
                              int measurementIterations, int measurementMillis, List<String> jcstressArgs,
                              boolean parameterSubset) {

    /**
     * A first look: minutes for the whole suite, wide error bars, labelled as such in every table, and only the
     * parameter values each suite declares for it (the headline sizes and thread counts), since with one fork per
     * combination the forks' start-up dominates. jcstress runs its fastest preset, sanity, but with 100 ms per
     * iteration instead of none: with none it takes only a few samples per configuration and the broken controls
     * go uncaught.
     */
    public static final DurationProfile QUICK = new DurationProfile("quick", 1, 1, 200, 5, 100,
            List.of("-m", "sanity", "-time", "100"), true);
    /**
     * The default: good enough to cite in a design review on the machine that ran it. Two forks, so fork-to-fork
     * variation shows in the error, of one half-second warm-up and four quarter-second measured iterations, and the
     * parameter values each suite declares for a design review (thread counts 1, the core count and 8; every message
     * size but the 1 MiB round trip, which the streaming and request/response rows cover): the whole suite within an
     * hour on a 2-core machine, where starting a fork costs 0.5 to 2 s.
     */
    public static final DurationProfile STANDARD = new DurationProfile("standard", 2, 1, 500, 4, 250,
            List.of("-m", "quick"), true);
    /** For publication: more forks, longer iterations and every parameter value, so run-to-run noise shows. */
    public static final DurationProfile THOROUGH = new DurationProfile("thorough", 5, 5, 2000, 10, 2000,
            List.of("-m", "default"), false);

    /** The profile called {@code name} (quick, standard or thorough). */
    public static DurationProfile named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "standard", "" -> STANDARD;
            case "thorough" -> THOROUGH;
            default -> throw new IllegalArgumentException(
                    "unknown bench.profile '" + name + "': use quick, standard or thorough");
        };
    }

    /** One line for a table heading, e.g. "quick: 1 fork, 1 × 200 ms warm-up, 5 × 100 ms measured ...". */
    public String describe() {
        return "%s: %d fork%s, %d × %d ms warm-up, %d × %d ms measured per fork%s; jcstress %s".formatted(
                name, forks, forks == 1 ? "" : "s", warmupIterations, warmupMillis,
                measurementIterations, measurementMillis,
                parameterSubset ? ", the parameter values each suite names for " + name : "", String.join(" ", jcstressArgs));
    }
}
