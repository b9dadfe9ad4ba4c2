package designbench.runner.env;

import designbench.contract.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/** Reads the facts for environment.json from the running machine, the JVM and git. */
public final class EnvironmentProbe {
    private static final Pattern GC_FLAG = Pattern.compile("-XX:\\+Use(\\w+)GC\\b");

    private EnvironmentProbe() {
    }

    /** Hardware and operating system, read through OSHI; nothing here fails a run. */
    public static Environment.Machine machine() {
        HardwareAbstractionLayer hardware = new SystemInfo().getHardware();
        CentralProcessor cpu = hardware.getProcessor();
        OperatingSystem os = new SystemInfo().getOperatingSystem();
        long maxFrequencyHz = cpu.getMaxFreq();
        return new Environment.Machine(
                cpu.getProcessorIdentifier().getName().strip(),
                cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(),
                hardware.getMemory().getTotal(),
                os.toString(),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                maxFrequencyHz > 0 ? maxFrequencyHz / 1_000_000 : -1,
                readFirstLine(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")),
                underHypervisor());
    }

    /**
     * The JVM this process runs on, which is the one every suite and fork is started with.
     *
     * @param forkFlags the JVM arguments every fork gets, so the collector reported is the forks' own
     */
    public static Environment.Jvm jvm(List<String> forkFlags) {
        return new Environment.Jvm(
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.home"),
                List.copyOf(forkFlags),
                garbageCollector(forkFlags));
    }

    /** The commit of the working tree at {@code root}, and whether anything outside results/ is changed. */
    public static Environment.Git git(Path root) {
        String commit = run(root, List.of("git", "rev-parse", "HEAD"));
        String status = run(root, List.of("git", "status", "--porcelain", "--", ".", ":(exclude)results/runs",
                ":(exclude)results/README.md"));
        return new Environment.Git(commit == null ? "unknown" : commit.strip(),
                status == null ? null : !status.isBlank());
    }

    /** The path of the java launcher of this JVM: suites and forks are started with the same one. */
    public static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Asks the JVM itself which collector the fork flags select, instead of guessing from ergonomics. */
    private static String garbageCollector(List<String> forkFlags) {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        command.addAll(forkFlags);
        command.add("-XX:+PrintCommandLineFlags");
        command.add("-version");
        String output = run(Path.of("."), command);
        if (output != null) {
            Matcher gc = GC_FLAG.matcher(output);
            if (gc.find()) {
                return gc.group(1);
            }
        }
        return "unknown";
    }

    private static String underHypervisor() {
        try {
            List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            return cpuinfo.stream().anyMatch(line -> line.startsWith("flags") && line.contains(" hypervisor"))
                    ? "yes" : "no";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String readFirstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("unknown").strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Output (stdout and stderr) of a short command, or null when it cannot run or fails. */
    private static String run(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Versions handed in by the build, as "name=version". */
    public static Map<String, String> components(List<String> nameEqualsVersion) {
        Map<String, String> versions = new TreeMap<>();
        for (String entry : nameEqualsVersion) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("component version '" + entry + "' is not name=version");
            }
            versions.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return versions;
    }
}
