package designbench.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which row is another's reference: same parameters but one, whose value matches the reference pattern. */
class QuestionTest {
    private static final Question CACHE = new Question("cache", "What does a cache buy?", "x.CacheBench",
            "hitPercent", "0", null, "").withReferences("proxy", Map.of("designbench", "nginx-[0-9.]+-nolock"),
            "to nginx-nolock");

    @Test
    void theReferenceDiffersOnlyInItsParameterAndMatchesThePattern() {
        Map<String, String> ours = Map.of("proxy", "designbench", "hitPercent", "50", "load", "max");
        assertTrue(CACHE.isReference(ours, Map.of("proxy", "nginx-1.22.1-nolock", "hitPercent", "50", "load", "max")));
        assertFalse(CACHE.isReference(ours, Map.of("proxy", "nginx-1.22.1", "hitPercent", "50", "load", "max")),
                "the pattern matches the whole value");
        assertFalse(CACHE.isReference(ours, Map.of("proxy", "nginx-1.22.1-nolock", "hitPercent", "90", "load", "max")),
                "another setting");
        assertFalse(CACHE.isReference(ours, Map.of("proxy", "nginx-1.22.1-nolock", "hitPercent", "50")),
                "fewer parameters");
        assertFalse(CACHE.isReference(Map.of("proxy", "nginx-1.22.1-nolock", "hitPercent", "50", "load", "max"),
                ours), "only the values named have a reference");
    }

    @Test
    void referencesByTheBaselineParameterKeepTheirPlainNames() {
        Question ipc = new Question("ipc", "TCP or UDS?", "x.PingPong", "transport", "NIO_TCP", null, "")
                .withReferences(Map.of("NIO_UDS", "C_UDS"), "to C");
        assertTrue(ipc.isReference(Map.of("transport", "NIO_UDS", "size", "8"), Map.of("transport", "C_UDS",
                "size", "8")));
        assertFalse(ipc.isReference(Map.of("transport", "NIO_TCP", "size", "8"), Map.of("transport", "C_UDS",
                "size", "8")), "NIO_TCP names no reference");
    }
}
