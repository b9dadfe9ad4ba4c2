package designbench.results.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import designbench.contract.SweptThreadKinds;
import designbench.contract.SweptThreadKinds.ThreadKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweptThreadKindsTest {
    static class SweptWithBoth {
    }

    @SweptThreadKinds(ThreadKind.PLATFORM)
    static class SweptOnPlatformThreads {
    }

    @SweptThreadKinds({})
    static class SweptWithNothing {
    }

    @Test
    void aSweepRunsWithBothKindsUnlessItsClassNamesFewer() {
        assertEquals(List.of("PLATFORM", "VIRTUAL"), JmhSuiteMain.threadKindsOf(SweptWithBoth.class));
        assertEquals(List.of("PLATFORM"), JmhSuiteMain.threadKindsOf(SweptOnPlatformThreads.class));
    }

    @Test
    void anAnnotationThatNamesNoKindIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JmhSuiteMain.threadKindsOf(SweptWithNothing.class));
        assertEquals(SweptWithNothing.class.getName() + ": @SweptThreadKinds names no kind of thread",
                e.getMessage());
    }

    @Test
    void theKindsAreTheNamesJmhsExecutorTakes() {
        for (ThreadKind kind : ThreadKind.values()) {
            assertEquals(true, JmhSuiteMain.SWEEP_EXECUTORS.contains(kind.name()), kind.name());
        }
    }
}
