package designbench.contract;

/**
 * A short measurement of the machine itself, taken at the start and at the end of every run, so that two runs of one
 * machine id can be told apart when the host under them changed (a kernel build, a noisier neighbour): a fixed CPU
 * loop, and a wake-up round trip between two platform threads (each parks until the other unparks it, so every
 * hand-off goes through the kernel's wake-up path, not a spin; the scheduler places the threads, usually on two
 * CPUs). Each figure is the median of five timed repetitions after one untimed one; it takes about a
 * second. The runner measures it (its Calibrator); this is the figure as environment.json records it.
 *
 * @param cpuLoopMillis       one fixed loop of 50 000 000 dependent xorshift steps, in ms
 * @param wakeupRoundTripMicros one hand-off round trip between two threads, in µs (median of
 *                              2 000 per repetition)
 */
public record Calibration(double cpuLoopMillis, double wakeupRoundTripMicros) {
}
