package designbench.cap.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three hosts on one machine: network namespaces {@code dbcap-n1..3}, each with one address (10.77.0.1..3/24) on
 * a veth pair whose other end is a port of the bridge {@code dbcap-br} in the machine's own namespace. A partition
 * disables one member's bridge port (the bridge stops forwarding its frames, both ways); the hosts notice nothing
 * but silence, as when a switch port or a link between racks fails. Heal re-enables it.
 * <p>
 * Everything it makes carries the {@code dbcap-} prefix. {@link #close} removes it all, and runs from a shutdown
 * hook too; {@link #removeLeftovers} removes what a killed run left, processes in those namespaces included (the
 * members and clients that run started), and runs before every set-up.
 */
public final class Testbed implements AutoCloseable {
    public static final String PREFIX = "dbcap-";
    public static final String BRIDGE = PREFIX + "br";
    public static final int HOSTS = 3;

    private final Thread cleanupHook = new Thread(this::closeQuietly, "dbcap-testbed-cleanup");
    private boolean closed;

    private Testbed() {
    }

    /** Why namespaces cannot be made here (not Linux, not root, no ip or bridge command), or null when they can. */
    public static String unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return "network namespaces need Linux";
        }
        for (String tool : List.of("ip", "bridge")) {
            if (Commands.find(tool) == null) {
                return "no `" + tool + "` command (Debian's iproute2) on PATH or in /usr/sbin, /sbin";
            }
        }
        try {
            if (!new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim().equals("0")) {
                return "making network namespaces needs root (run as root, or in a container that allows it)";
            }
        } catch (IOException e) {
            return "cannot tell whether this runs as root: " + e.getMessage();
        }
        return null;
    }

    public static String namespace(int host) {
        return PREFIX + "n" + host;
    }

    public static String address(int host) {
        return "10.77.0." + host;
    }

    public static List<String> addresses() {
        List<String> all = new ArrayList<>();
        for (int host = 1; host <= HOSTS; host++) {
            all.add(address(host));
        }
        return all;
    }

    private static String hostPort(int host) {
        return PREFIX + "v" + host;
    }

    /** Removes any leftovers, then makes the bridge and the three hosts. */
    public static Testbed create() throws IOException {
        removeLeftovers();
        Testbed testbed = new Testbed();
        Runtime.getRuntime().addShutdownHook(testbed.cleanupHook);
        try {
            ip("link", "add", BRIDGE, "type", "bridge");
            ip("link", "set", BRIDGE, "up");
            for (int host = 1; host <= HOSTS; host++) {
                String ns = namespace(host);
                ip("netns", "add", ns);
                ip("link", "add", hostPort(host), "type", "veth", "peer", "name", "eth0", "netns", ns);
                ip("link", "set", hostPort(host), "master", BRIDGE, "up");
                ip("-n", ns, "addr", "add", address(host) + "/24", "dev", "eth0");
                ip("-n", ns, "link", "set", "eth0", "up");
                ip("-n", ns, "link", "set", "lo", "up");
            }
        } catch (IOException | RuntimeException e) {
            testbed.close();
            throw e;
        }
        return testbed;
    }

    /** The command line that runs {@code command} inside host {@code host}'s namespace. */
    public static List<String> inHost(int host, List<String> command) {
        List<String> full = new ArrayList<>(List.of(Commands.find("ip"), "netns", "exec", namespace(host)));
        full.addAll(command);
        return full;
    }

    /** Cuts host {@code host} off from the other two. */
    public void isolate(int host) throws IOException {
        Commands.run(List.of(Commands.find("bridge"), "link", "set", "dev", hostPort(host), "state", "0"));
    }

    /** Joins host {@code host} to the others again. */
    public void heal(int host) throws IOException {
        Commands.run(List.of(Commands.find("bridge"), "link", "set", "dev", hostPort(host), "state", "3"));
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
            // running as the hook
        }
        removeLeftovers();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("designbench: could not remove the CAP test hosts: " + e.getMessage());
        }
    }

    /** Our namespaces and links now present: empty when nothing is left behind. */
    public static List<String> present() throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Commands.output(List.of(Commands.find("ip"), "netns", "list")).split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (name.startsWith(PREFIX)) {
                found.add("netns " + name);
            }
        }
        for (String line : Commands.output(List.of(Commands.find("ip"), "-o", "link", "show")).split("\n")) {
            String[] fields = line.trim().split(":\\s+");
            if (fields.length > 1) {
                String name = fields[1].split("@")[0];
                if (name.startsWith(PREFIX)) {
                    found.add("link " + name);
                }
            }
        }
        return found;
    }

    /**
     * Removes every {@code dbcap-} namespace and link: first the processes still running in those namespaces
     * (only a run of this suite starts any there), then the namespaces, the host-side veth ends and the bridge.
     */
    public static void removeLeftovers() throws IOException {
        for (String item : present()) {
            if (item.startsWith("netns ")) {
                String ns = item.substring("netns ".length());
                for (String pid : Commands.output(List.of(Commands.find("ip"), "netns", "pids", ns)).split("\\s+")) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(Testbed::stop);
                    }
                }
                Commands.run(List.of(Commands.find("ip"), "netns", "del", ns));
            }
        }
        for (String item : present()) {
            if (item.startsWith("link ")) {
                // A veth end may vanish by itself once its peer's namespace is gone: not an error.
                Commands.runAllowingFailure(List.of(Commands.find("ip"), "link", "del", item.substring(5)));
            }
        }
        List<String> left = present();
        if (!left.isEmpty()) {
            throw new IOException("could not remove " + left);
        }
    }

    /** Asks a process to end, and ends it if it has not within 5 s. */
    public static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
        }
    }

    private static void ip(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Commands.find("ip")));
        command.addAll(List.of(args));
        Commands.run(command);
    }
}
