package designbench.runner.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A readable, stable folder name for a machine, from its CPU model, logical core count and memory, such as
 * {@code xeon-8481c-2c-24g}. Two runs on the same machine land side by side; different machines never mix.
 */
public final class MachineId {
    /** Words that say nothing about which CPU it is. */
    private static final Set<String> NOISE = Set.of("intel", "amd", "cpu", "processor", "platinum", "gold",
            "silver", "bronze", "core", "with", "radeon", "graphics", "genuine", "authentic", "virtual");

    private MachineId() {
    }

    /**
     * @param cpuModel     the processor's marketing name, e.g. "Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz"
     * @param logicalCores logical processors the OS shows, >= 1
     * @param memoryBytes  total memory the OS shows; rounded up to whole GiB, since the OS keeps some for itself
     */
    public static String of(String cpuModel, int logicalCores, long memoryBytes) {
        String model = cpuModel.toLowerCase(Locale.ROOT)
                .replaceAll("\\((r|tm|c)\\)", " ")
                .replaceAll("@.*$", " ")
                .replaceAll("\\b\\d+-core\\b", " ");
        List<String> words = new ArrayList<>();
        for (String word : model.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !NOISE.contains(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            words.add("cpu");
        }
        long memoryGib = (memoryBytes + (1L << 30) - 1) >> 30;
        return String.join("-", words) + "-" + logicalCores + "c-" + memoryGib + "g";
    }

    /** Checks a name given with -Dbench.machine: it becomes a folder name, so keep it to a safe alphabet. */
    public static String checkOverride(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("bench.machine '" + name
                    + "' must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
