package designbench.runner.env;

import designbench.contract.Conditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes a run's {@link Conditions}: at its start the kernel build, a calibration and the load average, at its end a
 * second calibration, the load again and the share of CPU time the hypervisor stole in between (/proc/stat).
 */
public final class ConditionsProbe {
    private final CpuTimes cpuAtStart;
    private final Conditions atStart;

    private ConditionsProbe(CpuTimes cpuAtStart, Conditions atStart) {
        this.cpuAtStart = cpuAtStart;
        this.atStart = atStart;
    }

    /** CPU times at one moment, to take the steal share of an interval. */
    record CpuTimes(long steal, long total) {
        /** The "cpu" line of /proc/stat; zeros where there is none. */
        static CpuTimes now() {
            try {
                String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
                String[] fields = line.trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return new CpuTimes(fields.length > 8 ? Long.parseLong(fields[8]) : 0, total);
            } catch (IOException | RuntimeException notLinux) {
                return new CpuTimes(0, 0);
            }
        }
    }

    /** Takes the conditions at the start of a run: the kernel build, a calibration, the load and the CPU times. */
    public static ConditionsProbe start() {
        CpuTimes cpu = CpuTimes.now();
        return new ConditionsProbe(cpu, new Conditions(readKernelBuild(), Calibrator.measure(), null, Double.NaN,
                loadAverage(), Double.NaN));
    }

    /** The conditions at the start. */
    public Conditions atStart() {
        return atStart;
    }

    /** The conditions at the start completed at the end of the run, with the steal share since the start. */
    public Conditions atEnd() {
        CpuTimes now = CpuTimes.now();
        long total = now.total() - cpuAtStart.total();
        double steal = total > 0 ? 100.0 * (now.steal() - cpuAtStart.steal()) / total : Double.NaN;
        return new Conditions(atStart.kernelBuild(), atStart.start(), Calibrator.measure(), steal,
                atStart.loadAtStart(), loadAverage());
    }

    static String readKernelBuild() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/version")).trim();
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }
}
