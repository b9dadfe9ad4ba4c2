package designbench.contract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How long a run measures, for every suite that follows it: the one table of profiles. The same benchmark files run
 * under each; the JMH launcher takes the forks and iterations, the jcstress launcher its arguments, the proxy
 * scenarios their load runs. (bench-cap's partitions have their own lengths per profile name: a partition is not a
 * load run.)
 *
 * @param name                  quick, standard, thorough, or smoke (the build's own check that every suite runs)
 * @param forks                 JVM forks per benchmark and parameter set, >= 1
 * @param warmupIterations      warm-up iterations per fork
 * @param warmupMillis          length of one warm-up iteration
 * @param measurementIterations measured iterations per fork, >= 1
 * @param measurementMillis     length of one measured iteration
 * @param jcstressArgs          the jcstress mode (and any override) for correctness tests
 * @param parameterSubset       whether only the parameter values each suite declares for this profile are run
 *                              (its {@code META-INF/designbench/<name>.properties}), instead of every value
 * @param load                  the proxy scenarios' load runs
 */
public record Profile(String name, int forks, int warmupIterations, int warmupMillis, int measurementIterations,
                      int measurementMillis, List<String> jcstressArgs, boolean parameterSubset, LoadTiming load) {

    /**
     * A first look: minutes for the whole suite, wide error bars, labelled as such in every table, and only the
     * parameter values each suite declares for it (the headline sizes and thread counts), since with one fork per
     * combination the forks' start-up dominates. jcstress runs its fastest preset, sanity, but with 100 ms per
     * iteration instead of none: with none it takes only a few samples per configuration and the broken controls
     * go uncaught. One load run per proxy row (n=1), the sweeps at their headline points.
     */
    public static final Profile QUICK = new Profile("quick", 1, 1, 200, 5, 100,
            List.of("-m", "sanity", "-time", "100"), true,
            new LoadTiming(LoadRuns.once(millis(1000), millis(1000)), LoadRuns.once(millis(1000), millis(1000)),
                    LoadRuns.once(millis(300), millis(700)), millis(2000), true));
    /**
     * The default: good enough to cite in a design review on the machine that ran it. Two forks, so fork-to-fork
     * variation shows in the error, of one half-second warm-up and four quarter-second measured iterations, and the
     * parameter values each suite declares for a design review (its {@code standard.properties}): the whole suite
     * within an hour on a 2-core machine, where starting a fork costs 0.5 to 2 s. Five repetitions of each compared
     * proxy run (the fewest with which a Mann-Whitney test can find p &lt; 0.05 between two rows) of 0.3 + 1 s, about
     * 3 500 requests each at the lowest load, three of each sweep point and 4 s of warming fresh servers keep the
     * proxy suite within the 12 minutes the hour leaves it.
     */
    public static final Profile STANDARD = new Profile("standard", 2, 1, 500, 4, 250, List.of("-m", "quick"), true,
            new LoadTiming(LoadRuns.once(millis(2000), millis(5000)), new LoadRuns(5, millis(300), millis(1000)),
                    new LoadRuns(3, millis(300), millis(700)), millis(4000), false));
    /** For publication: more forks, longer iterations and every parameter value, so run-to-run noise shows. */
    public static final Profile THOROUGH = new Profile("thorough", 5, 5, 2000, 10, 2000, List.of("-m", "default"),
            false, new LoadTiming(LoadRuns.once(millis(5000), millis(30_000)),
                    new LoadRuns(5, millis(2000), millis(10_000)), new LoadRuns(5, millis(1000), millis(5000)),
                    millis(10_000), false));
    /**
     * The build's own check that every suite runs, not for measuring: quick's iterations, the shortest load runs,
     * and compared runs repeated twice so that the repetition path runs too.
     */
    public static final Profile SMOKE = new Profile("smoke", 1, 1, 200, 5, 100,
            List.of("-m", "sanity", "-time", "100"), true,
            new LoadTiming(LoadRuns.once(millis(100), millis(300)), new LoadRuns(2, millis(100), millis(200)),
                    LoadRuns.once(millis(100), millis(300)), millis(300), true));

    public Profile {
        if (forks < 1 || measurementIterations < 1) {
            throw new IllegalArgumentException("a profile measures at least one iteration of one fork");
        }
        jcstressArgs = List.copyOf(jcstressArgs);
    }

    /** The profile called {@code name} (quick, standard, thorough or smoke; empty is standard), or a clear error. */
    public static Profile named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "standard", "" -> STANDARD;
            case "thorough" -> THOROUGH;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException(
                    "unknown bench.profile '" + name + "': use quick, standard or thorough");
        };
    }

    /** One line for a table heading, e.g. "quick: 1 fork, 1 × 200 ms warm-up, 5 × 100 ms measured ...". */
    public String describe() {
        return "%s: %d fork%s, %d × %d ms warm-up, %d × %d ms measured per fork%s; jcstress %s".formatted(
                name, forks, forks == 1 ? "" : "s", warmupIterations, warmupMillis,
                measurementIterations, measurementMillis,
                parameterSubset ? ", the parameter values each suite names for " + name : "",
                String.join(" ", jcstressArgs));
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    /**
     * How often and how long a kind of load run runs: {@code count} repetitions, each of {@code warmup} and then
     * {@code measure}.
     */
    public record LoadRuns(int count, Duration warmup, Duration measure) {
        public LoadRuns {
            if (count < 1) {
                throw new IllegalArgumentException("a load run runs at least once, not " + count + " times");
            }
        }

        public static LoadRuns once(Duration warmup, Duration measure) {
            return new LoadRuns(1, warmup, measure);
        }

        /** "5 × (0.3 s + 1 s)", "1 × (2 s + 5 s)": repetitions × (warm-up + measured). */
        public String describe() {
            return count + " × (" + seconds(warmup) + " + " + seconds(measure) + ")";
        }

        /** "0.3 s", "10 s": seconds to three significant digits. */
        public static String seconds(Duration duration) {
            return new BigDecimal(duration.toMillis() / 1000.0).round(new MathContext(3)).stripTrailingZeros()
                    .toPlainString() + " s";
        }
    }

    /**
     * The timing of each kind of proxy load run under a profile.
     *
     * @param single        a run that happens once: a fault or flood time series, a burst, a load beside another
     * @param compared      the runs a question compares (paths, proxies, settings): repeated in standard and
     *                      thorough, interleaved A B C A B C, so the row is a median with a spread and a test
     * @param sweep         each point of a concurrency sweep: many points, each a closed loop that settles within a
     *                      second, so shorter and fewer repetitions
     * @param serverWarmup  the shortest unrecorded run that warms freshly started servers: it goes on, in 1 s
     *                      slices up to {@value #SERVER_WARMUP_CAP_FACTOR} times as long, until the JIT of every
     *                      JVM in the run compiles less than {@value #JIT_QUIET_MILLIS_PER_SECOND} ms a second
     * @param headlinesOnly whether sweeps are cut to their headline points (a first look, like the JMH suites' quick
     *                      parameter subsets)
     */
    public record LoadTiming(LoadRuns single, LoadRuns compared, LoadRuns sweep, Duration serverWarmup,
                             boolean headlinesOnly) {
        /** Compile time per second of load under which a JVM's JIT counts as done: 2 % of one core. */
        public static final long JIT_QUIET_MILLIS_PER_SECOND = 20;
        /** How much longer than {@code serverWarmup} a warm-up may wait for the JIT to be done. */
        public static final int SERVER_WARMUP_CAP_FACTOR = 3;

        /** The longest a server warm-up waits for the JIT. */
        public Duration serverWarmupCap() {
            return serverWarmup.multipliedBy(SERVER_WARMUP_CAP_FACTOR);
        }

        /**
         * One line: "compared load runs 5 × (0.3 s + 1 s), sweep points 3 × (0.3 s + 0.7 s), single runs
         * 1 × (2 s + 5 s); fresh servers warmed at least 4 s, then until their JIT compiled under 20 ms a second
         * or 12 s had passed" (a warm-up that hit the cap says so in the run's log).
         */
        public String describe() {
            return "compared load runs " + compared.describe() + ", sweep points " + sweep.describe()
                    + ", single runs " + single.describe() + (headlinesOnly ? ", headline points of each sweep only"
                    : "") + "; fresh servers warmed at least " + LoadRuns.seconds(serverWarmup)
                    + ", then until their JIT compiled under " + JIT_QUIET_MILLIS_PER_SECOND + " ms a second or "
                    + LoadRuns.seconds(serverWarmupCap()) + " had passed";
        }
    }
}
