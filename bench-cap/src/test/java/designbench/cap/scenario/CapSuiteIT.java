package designbench.cap.scenario;

import designbench.cap.history.History;
import designbench.cap.net.Testbed;
import designbench.contract.Profile;
import designbench.contract.SuiteTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One short partition end to end, for both stores, when root, ip and etcd are here; a missing etcd is a row. */
class CapSuiteIT {
    @TempDir
    Path out;

    @Test
    void onePartitionEndToEndForBothStores() throws Exception {
        String reason = Testbed.unavailableReason();
        assumeTrue(reason == null, "skipped: " + reason);
        String etcd = new EtcdScenario().unavailableReason();
        assumeTrue(etcd == null, "skipped: " + etcd);

        assertEquals(0, CapSuite.run("cap", Profile.SMOKE, "designbench.cap", out));

        assertEquals(List.of(), Testbed.present(), "hosts left behind");
        SuiteTables tables = SuiteTables.read(out.resolve("cap-tables.json"));
        SuiteTables.Table availability = tables.tables().get(0);
        for (String system : List.of("etcd", "hazelcast")) {
            assertTrue(availability.rows().stream().anyMatch(r -> r.get(0).equals(system)
                    && r.get(2).equals("partitioned") && r.get(3).equals("minority")), system + " has no rows");
        }
        assertTrue(availability.rows().stream().noneMatch(r -> r.get(1).startsWith("unavailable")
                || r.get(1).startsWith("**FAILED**")), availability.rows().toString());
        assertEquals(3, availability.verdicts().size(), "etcd twice (two read modes), Hazelcast once");
        Path histories = out.resolve("cap-histories");
        assertEquals(List.of("etcd", "hazelcast"), History.systemsIn(histories));
        // The documented command reproduces the tables from the histories alone.
        Process check = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "designbench.cap.CapMain", "check", histories.toString(),
                "--compare", out.resolve("cap-tables.json").toString()).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        assertEquals(0, check.waitFor(), said);
        assertTrue(said.contains("The recomputed tables match"), said);
    }

    @Test
    void aMissingEtcdIsAnUnavailableRowWithTheReason() throws Exception {
        String before = System.getProperty("designbench.cap.etcd");
        System.setProperty("designbench.cap.etcd", out.resolve("no-such-etcd").toString());
        try {
            assertEquals(0, CapSuite.run("cap", Profile.SMOKE, "EtcdScenario", out));
        } finally {
            if (before == null) {
                System.clearProperty("designbench.cap.etcd");
            } else {
                System.setProperty("designbench.cap.etcd", before);
            }
        }
        SuiteTables tables = SuiteTables.read(out.resolve("cap-tables.json"));
        List<String> row = tables.tables().get(0).rows().get(0);
        assertEquals("etcd", row.get(0));
        assertTrue(row.get(1).startsWith("unavailable: "), row.toString());
        assertTrue(Testbed.unavailableReason() != null || row.get(1).contains("no etcd binary at"), row.toString());
        assertTrue(Files.isDirectory(out.resolve("cap-histories")));
    }
}
