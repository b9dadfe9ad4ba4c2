package designbench.contract;

/**
 * What the machine was like while a run ran, beside what it is ({@link Environment.Machine}): the kernel's build
 * string, the calibration at the start and at the end, the CPU time the hypervisor stole from this VM, and the load
 * average. Where the operating system does not say (not Linux), the figure is NaN or "unknown". The runner
 * measures them (its ConditionsProbe); this is what environment.json records.
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
