package designbench.cap.scenario;

import designbench.cap.net.Commands;
import designbench.cap.net.Testbed;
import designbench.cap.store.EtcdStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CP: etcd, a three-member Raft cluster, one member per host, from the system's {@code etcd} (Debian's
 * etcd-server; {@code scripts/install-etcd.sh}), or the binary that {@code -Ddesignbench.cap.etcd} names. Its
 * clients read linearizably and serializably, alternately, through the same member, so both read paths see the
 * same partitions. Heartbeat 100 ms and election timeout 1 s, etcd's defaults for a LAN.
 */
public final class EtcdScenario extends CapScenario {
    private String version;

    @Override
    public String system() {
        return "etcd";
    }

    @Override
    public String describe() {
        return "etcd " + version() + " (Raft, 3 members)";
    }

    @Override
    public List<String> readModes() {
        return List.of(EtcdStore.LINEARIZABLE, EtcdStore.SERIALIZABLE);
    }

    static String binary() {
        String configured = System.getProperty("designbench.cap.etcd", "");
        return configured.isBlank() ? Commands.find("etcd") : configured;
    }

    @Override
    public String unavailableReason() {
        String binary = binary();
        if (binary == null || !Files.isExecutable(Path.of(binary))) {
            return "no etcd binary" + (binary == null ? " on PATH" : " at " + binary)
                    + ": install Debian's etcd-server (scripts/install-etcd.sh)";
        }
        return version() == null ? "`" + binary + " --version` did not answer" : null;
    }

    private String version() {
        if (version == null) {
            try {
                String out = Commands.output(List.of(binary(), "--version"));
                version = out.lines().filter(l -> l.startsWith("etcd Version:"))
                        .map(l -> l.substring("etcd Version:".length()).trim()).findFirst().orElse(null);
            } catch (IOException | RuntimeException e) {
                version = null;
            }
        }
        return version;
    }

    @Override
    protected AutoCloseable startMembers(Testbed testbed, Path work) throws IOException {
        String cluster = java.util.stream.IntStream.rangeClosed(1, Testbed.HOSTS)
                .mapToObj(h -> "m" + h + "=http://" + Testbed.address(h) + ":2380").collect(Collectors.joining(","));
        List<Process> members = new ArrayList<>();
        AutoCloseable stopAll = () -> members.forEach(m -> Testbed.stop(m.toHandle()));
        try {
            for (int host = 1; host <= Testbed.HOSTS; host++) {
                String address = Testbed.address(host);
                Path data = Files.createDirectories(work.resolve("etcd-m" + host));
                List<String> command = List.of(binary(), "--name", "m" + host, "--data-dir", data.toString(),
                        "--listen-peer-urls", "http://" + address + ":2380",
                        "--initial-advertise-peer-urls", "http://" + address + ":2380",
                        "--listen-client-urls", "http://" + address + ":2379",
                        "--advertise-client-urls", "http://" + address + ":2379",
                        "--initial-cluster", cluster, "--initial-cluster-state", "new",
                        "--initial-cluster-token", "designbench-cap",
                        "--heartbeat-interval", "100", "--election-timeout", "1000",
                        "--logger", "zap", "--log-level", "warn");
                members.add(new ProcessBuilder(Testbed.inHost(host, command)).redirectErrorStream(true)
                        .redirectOutput(work.resolve("etcd-m" + host + ".log").toFile()).start());
            }
        } catch (IOException | RuntimeException e) {
            try {
                stopAll.close();
            } catch (Exception ignored) {
                // best effort: the testbed's removal ends what is left in its namespaces
            }
            throw e;
        }
        return stopAll;
    }
}
