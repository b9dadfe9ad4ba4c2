package designbench.proxy.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendFailuresTest {

    @Test
    void refusedOrDroppedOnAFreshConnectionTakesTheBackendOut() {
        assertTrue(BackendFailures.takesOutOfRotation(false, false, true, false));
        assertTrue(BackendFailures.takesOutOfRotation(false, false, false, false));
    }

    @Test
    void aPooledConnectionFoundClosedOnlyCounts() {
        assertFalse(BackendFailures.takesOutOfRotation(false, false, true, true));
    }

    @Test
    void failingMidResponseOnlyCounts() {
        assertFalse(BackendFailures.takesOutOfRotation(false, true, true, false));
        assertFalse(BackendFailures.takesOutOfRotation(true, true, true, false));
    }

    @Test
    void silenceCountsAgainstTheBackendOnlyWhenItOwedTheHead() {
        assertTrue(BackendFailures.takesOutOfRotation(true, false, true, true));
        assertFalse(BackendFailures.takesOutOfRotation(true, false, false, false));
    }

    @Test
    void retriesOnceForIdempotentRequestsWithTheirBodyKept() {
        assertTrue(BackendFailures.mayRetry(false, true, true, 1, true));
        assertFalse(BackendFailures.mayRetry(false, true, true, 2, true));
        assertFalse(BackendFailures.mayRetry(false, false, true, 1, true));
        assertFalse(BackendFailures.mayRetry(false, true, false, 1, true));
        assertFalse(BackendFailures.mayRetry(false, true, true, 1, false));
        assertFalse(BackendFailures.mayRetry(true, true, true, 1, true));
    }

    @Test
    void idempotentMethodsAreThoseOfTheRfc() {
        for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"}) {
            assertTrue(BackendFailures.idempotent(method), method);
        }
        assertFalse(BackendFailures.idempotent("POST"));
        assertFalse(BackendFailures.idempotent("PATCH"));
    }
}
