package designbench.runner.launch;

import designbench.contract.ThreadSweep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A thread sweep's kinds of worker thread come from its own threadKind parameter, which every raw row then names. */
class ThreadKindsTest {

    @Test
    void theKindsAreTheParametersValuesPlatformFirst() {
        assertEquals(List.of("PLATFORM", "VIRTUAL"), JmhSuiteMain.threadKindsOf("b",
                Map.of(ThreadSweep.THREAD_KIND_PARAM, new String[] {"VIRTUAL", "PLATFORM"})));
        assertEquals(List.of("PLATFORM"), JmhSuiteMain.threadKindsOf("b",
                Map.of(ThreadSweep.THREAD_KIND_PARAM, new String[] {"PLATFORM"}, "lock", new String[] {"A"})));
    }

    @Test
    void aSweepThatLeavesItsKindUnsaidIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JmhSuiteMain.threadKindsOf("x.Bench.run", Map.of("lock", new String[] {"A"})));
        assertTrue(e.getMessage().startsWith("x.Bench.run: a thread sweep (@Threads(Threads.MAX)) declares"),
                e.getMessage());
    }

    @Test
    void aKindJmhCannotRunIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JmhSuiteMain.threadKindsOf("b",
                Map.of(ThreadSweep.THREAD_KIND_PARAM, new String[] {"CARRIER"})));
        assertEquals("b: threadKind 'CARRIER' is not a JMH executor: use PLATFORM or VIRTUAL", e.getMessage());
    }

    @Test
    void aWorkerOfAnotherKindThanItsRowSaysFailsItsSetup() throws Exception {
        ThreadSweep.checkWorkerThread("PLATFORM"); // this test runs on a platform thread
        assertThrows(IllegalStateException.class, () -> ThreadSweep.checkWorkerThread("VIRTUAL"));
        assertThrows(IllegalStateException.class, () -> ThreadSweep.checkWorkerThread("CARRIER"));
        Throwable[] onVirtual = new Throwable[1];
        Thread.ofVirtual().start(() -> {
            try {
                ThreadSweep.checkWorkerThread("PLATFORM");
            } catch (IllegalStateException expected) {
                onVirtual[0] = expected;
            }
            ThreadSweep.checkWorkerThread("VIRTUAL");
        }).join();
        assertTrue(onVirtual[0] != null && onVirtual[0].getMessage().contains("-Djmh.executor=PLATFORM"),
                String.valueOf(onVirtual[0]));
    }
}
