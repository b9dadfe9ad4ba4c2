package designbench.results.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the machine was like while a run ran, beside what it is ({@link Environment.Machine}): the kernel's build
 * string, the calibration at the start and at the end, the CPU time the hypervisor stole from this VM, and the load
 * average. Where the operating system does not say (not Linux), the figure is NaN or "unknown".
 *
 * @param kernelBuild  {@code /proc/sys/kernel/version}: the build of the kernel, which can change under one machine
 *                     id and one kernel release
 * @param start        the calibration before the first suite
 * @param end          the calibration after the last suite; null until the run ends
 * @param stealPercent CPU time stolen by the hypervisor during the run, in % of all CPU time (from /proc/stat)
 * @param loadAtStart  the 1-minute load average before the first suite
 * @param loadAtEnd    the 1-minute load average after the last suite
 */
public record Conditions(String kernelBuild, Calibration start, Calibration end, double stealPercent,
                         double loadAtStart, double loadAtEnd) {

    /** CPU times at one moment, to take the steal share of an interval. */
    public record CpuTimes(long steal, long total) {
        /** The "cpu" line of /proc/stat; zeros where there is none. */
        public static CpuTimes now() {
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

    /** The conditions at the start of a run: the kernel build, a calibration and the load. */
    public static Conditions atStart() {
        return new Conditions(readKernelBuild(), Calibration.measure(), null, Double.NaN, loadAverage(), Double.NaN);
    }

    /** These conditions completed at the end of the run, with the steal share since {@code startTimes}. */
    public Conditions atEnd(CpuTimes startTimes) {
        CpuTimes now = CpuTimes.now();
        long total = now.total() - startTimes.total();
        double steal = total > 0 ? 100.0 * (now.steal() - startTimes.steal()) / total : Double.NaN;
        return new Conditions(kernelBuild, start, Calibration.measure(), steal, loadAtStart, loadAverage());
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

    /**
     * How far apart the start and end calibrations of this run are, as the larger relative spread of the two figures:
     * the run's own noise, against which a difference between runs is judged. NaN without both.
     */
    public double calibrationSpread() {
        if (start == null || end == null) {
            return Double.NaN;
        }
        return Math.max(spread(start.cpuLoopMillis(), end.cpuLoopMillis()),
                spread(start.wakeupRoundTripMicros(), end.wakeupRoundTripMicros()));
    }

    /** The mean of the start and end calibrations (the start alone when the end is missing). */
    public Calibration calibration() {
        if (end == null) {
            return start;
        }
        return new Calibration((start.cpuLoopMillis() + end.cpuLoopMillis()) / 2,
                (start.wakeupRoundTripMicros() + end.wakeupRoundTripMicros()) / 2);
    }

    private static double spread(double a, double b) {
        return Math.abs(a - b) / ((a + b) / 2);
    }
}
