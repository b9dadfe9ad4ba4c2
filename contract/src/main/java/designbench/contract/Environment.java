package designbench.contract;

import designbench.contract.Profile;
import java.util.List;
import java.util.Map;

/**
 * Everything about a run that JMH's JSON does not record: the machine, the JVM the forks ran on, the code, and
 * the run's settings. Written as environment.json in each run folder.
 *
 * @param machineId   the folder name under results/runs
 * @param machine     hardware and operating system
 * @param jvm         the JVM every suite and benchmark fork ran on
 * @param components  versions of the engines and libraries measured or measuring (JMH, Netty, ...)
 * @param git         the commit the run was made from
 * @param run         profile, include pattern, start and end
 * @param conditions  the kernel build, calibrations, steal and load during the run; null in runs made before
 *                    2026-12-02T06Z, which did not record them
 */
public record Environment(String machineId, Machine machine, Jvm jvm, Map<String, String> components, Git git,
                          Run run, Conditions conditions) {
    /** The file's name in a run folder. */
    public static final String FILE_NAME = "environment.json";

    /** An environment without recorded conditions (tests, and runs before they were recorded). */
    public Environment(String machineId, Machine machine, Jvm jvm, Map<String, String> components, Git git,
                       Run run) {
        this(machineId, machine, jvm, components, git, run, null);
    }

    /**
     * @param cpuMaxFrequencyMhz the maximum the OS reports, or -1 when it reports none
     * @param cpuGovernor        the cpufreq scaling governor, or "unknown" where the files do not exist
     * @param underHypervisor    "yes" when the CPU flags say a hypervisor runs this OS, "no", or "unknown"
     */
    public record Machine(String cpuModel, int physicalCores, int logicalCores, long memoryBytes,
                          String os, String kernel, String architecture, long cpuMaxFrequencyMhz,
                          String cpuGovernor, String underHypervisor) {
    }

    /**
     * @param forkFlags    JVM arguments added to every benchmark fork
     * @param garbageCollector the collector the forks' flags select, as the JVM itself reports it
     */
    public record Jvm(String vendor, String vmName, String version, String runtimeVersion, String javaHome,
                      List<String> forkFlags, String garbageCollector) {
    }

    /** @param dirty whether tracked or new files outside results/ differed from the commit */
    public record Git(String commit, Boolean dirty) {
    }

    /**
     * @param profile     the JMH and jcstress suites' timing under the profile, described ("quick: 1 fork, ...")
     * @param startedAt   ISO-8601 UTC
     * @param endedAt     ISO-8601 UTC, null until the run ends
     * @param profileName quick, standard, thorough or smoke; null in runs made before 2026-12-03, whose
     *                    {@code profile} text starts with it
     * @param loadRuns    the proxy scenarios' load runs under the profile, described; null in runs made before
     *                    2026-12-03, which stated them only above the proxy tables
     */
    public record Run(String runId, String profile, String include, String startedAt, String endedAt,
                      String profileName, String loadRuns) {

        /** A run of {@code profile} as the contract defines it. */
        public Run(String runId, Profile profile, String include, String startedAt) {
            this(runId, profile.describe(), include, startedAt, null, profile.name(), profile.load().describe());
        }

        /** The profile's name: recorded since 2026-12-03, and before that the first word of its description. */
        public String name() {
            return profileName != null ? profileName : profile.split(":")[0];
        }

        /** The same run with its end time filled in. */
        Run endedAt(String time) {
            return new Run(runId, profile, include, startedAt, time, profileName, loadRuns);
        }
    }

    /** The same environment with the run's end time filled in. */
    public Environment endedAt(String endedAt) {
        return new Environment(machineId, machine, jvm, components, git, run.endedAt(endedAt), conditions);
    }

    /** The same environment with the conditions filled in. */
    public Environment withConditions(Conditions measured) {
        return new Environment(machineId, machine, jvm, components, git, run, measured);
    }
}
