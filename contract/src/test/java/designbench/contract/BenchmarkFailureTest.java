package designbench.contract;

import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkFailureTest {
    @Test
    void anExceptionSayingUnavailableIsNotAFailure() {
        BenchmarkFailure failure = BenchmarkFailure.fromReason("a.B.c", Map.of(),
                "java.lang.UnsupportedOperationException: unavailable: a LongAdder has no consistent read");
        assertTrue(failure.unavailable());
        assertEquals("a LongAdder has no consistent read", failure.reason());
    }

    @Test
    void anyOtherExceptionIsAFailure() {
        BenchmarkFailure failure = BenchmarkFailure.fromReason("a.B.c", Map.of(),
                "java.lang.IllegalStateException: boom");
        assertFalse(failure.unavailable());
        assertEquals("java.lang.IllegalStateException: boom", failure.reason());
    }
}
