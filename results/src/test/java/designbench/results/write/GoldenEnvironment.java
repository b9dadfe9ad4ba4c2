package designbench.results.write;

import designbench.contract.Environment;

/** The golden tests' fixed environment, for tests in other packages. */
public final class GoldenEnvironment {
    private GoldenEnvironment() {
    }

    public static Environment get() {
        return SummaryWriterGoldenTest.fixedEnvironment();
    }
}
