package designbench.cap.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three hosts are made, partitioned and removed again, also after the run that made them was killed. */
class NamespaceTestbedIT {
    @BeforeEach
    void needsRootAndIp() {
        String reason = Testbed.unavailableReason();
        assumeTrue(reason == null, "skipped: " + reason);
    }

    @Test
    void closeLeavesNothingBehind() throws Exception {
        List<String> before = Testbed.present();
        assertEquals(List.of(), before, "leftovers from an earlier run");
        try (Testbed testbed = Testbed.create()) {
            assertTrue(Testbed.present().containsAll(List.of("netns dbcap-n1", "netns dbcap-n2", "netns dbcap-n3",
                    "link dbcap-br")), Testbed.present().toString());
            testbed.isolate(3);
            testbed.heal(3);
        }
        assertEquals(before, Testbed.present());
    }

    @Test
    void aPartitionSilencesTheCutOffHostBothWaysAndHealRestoresIt() throws Exception {
        try (Testbed testbed = Testbed.create()) {
            assertTrue(reaches(1, 3));
            testbed.isolate(3);
            assertFalse(reaches(1, 3), "n1 still reaches n3");
            assertFalse(reaches(3, 2), "n3 still reaches n2");
            assertTrue(reaches(1, 2), "the majority must still reach each other");
            testbed.heal(3);
            assertTrue(reaches(1, 3));
        }
    }

    @Test
    void leftoversOfAKilledRunAreRemovedWithTheirProcesses() throws Exception {
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "designbench.cap.CapMain", "hold-testbed")
                .redirectErrorStream(true).start();
        long sleeper;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("HOLDING "), "holder said: " + line);
            sleeper = Long.parseLong(line.substring("HOLDING ".length()).trim());
            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
        }
        assertFalse(Testbed.present().isEmpty(), "the killed run should have left its hosts");
        assertTrue(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false));
        Testbed.removeLeftovers();
        assertEquals(List.of(), Testbed.present());
        ProcessHandle.of(sleeper).ifPresent(p -> p.onExit().join());
        assertFalse(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false),
                "the process left in a namespace must be ended");
    }

    /** Whether a TCP connection from one host to a port nobody listens on is refused (reachable) or unanswered. */
    private static boolean reaches(int from, int to) throws Exception {
        // bash's /dev/tcp: "refused" comes back at once from a reachable host; silence means cut off.
        Process probe = new ProcessBuilder(Testbed.inHost(from, List.of("timeout", "1", "bash", "-c",
                "exec 3<>/dev/tcp/" + Testbed.address(to) + "/9"))).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        probe.waitFor(5, TimeUnit.SECONDS);
        return output.contains("refused");
    }
}
