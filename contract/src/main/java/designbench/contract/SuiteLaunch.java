package designbench.contract;

/**
 * What every suite launcher (the JMH and jcstress launchers, the proxy scenarios, the CAP tables) tells the results
 * runner by its exit status. Its files are {@link FailureLog}'s failure record and the suite's own results.
 */
public final class SuiteLaunch {
    /** Exit status of a launcher whose include pattern selected nothing of its suite: skipped, not failed. */
    public static final int NOTHING_SELECTED = 3;

    private SuiteLaunch() {
    }
}
