package designbench.contract;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every suite launcher takes from the results runner (the JMH and jcstress launchers, the proxy
 * scenarios, the CAP suite), as one picocli mixin ({@code @Mixin SuiteOptions options}), so that their names,
 * defaults and checks cannot drift apart; the runner builds its command line with {@link #args}.
 */
public final class SuiteOptions {
    @Option(names = "--suite", required = true,
            description = "suite name, used for file names: threads, ipc, proxy, cap")
    private String suite;

    @Option(names = "--profile", defaultValue = "standard", description = "quick, standard or thorough")
    private String profileName;

    @Option(names = "--include", defaultValue = ".*",
            description = "regex of benchmark, test or scenario names (class names) to run")
    private String include;

    @Option(names = "--out", required = true, description = "folder that receives the suite's files")
    private Path out;

    /** The command-line arguments that give a launcher these values. */
    public static List<String> args(String suite, Profile profile, String include, Path out) {
        return List.of("--suite=" + suite, "--profile=" + profile.name(), "--include=" + include, "--out=" + out);
    }

    public String suite() {
        return suite;
    }

    /** The profile named, or a clear error for an unknown name (before anything is run or written). */
    public Profile profile() {
        return Profile.named(profileName);
    }

    public String include() {
        return include;
    }

    public Path out() {
        return out;
    }
}
