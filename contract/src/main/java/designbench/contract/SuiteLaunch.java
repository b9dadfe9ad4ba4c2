package designbench.contract;

/**
 * What every suite launcher (the JMH and jcstress launchers, the proxy scenarios, the CAP tables) tells the results
 * runner by its exit status. Its files are {@link FailureLog}'s failure record and the suite's own results.
 */
public final class SuiteLaunch {
    /** Exit status of a launcher whose include pattern selected nothing of its suite: skipped, not failed. */
    public static final int NOTHING_SELECTED = 3;
    /** Where a suite's jar keeps what it tells the runner: its launcher line and its parameter subsets. */
    public static final String RESOURCE_FOLDER = "META-INF/designbench/";
    /**
     * The resource of a scenario suite (bench-proxy): one line, its main class and the arguments before the
     * {@link SuiteOptions}; a table suite's is {@link SuiteTables#LAUNCHER_RESOURCE}.
     */
    public static final String SCENARIO_LAUNCHER_RESOURCE = RESOURCE_FOLDER + "scenario-suite";

    private SuiteLaunch() {
    }

    /** The resource naming the parameter values a suite runs under a profile, {@code <profile>.properties}. */
    public static String parametersResource(String profileName) {
        return RESOURCE_FOLDER + profileName + ".properties";
    }
}
