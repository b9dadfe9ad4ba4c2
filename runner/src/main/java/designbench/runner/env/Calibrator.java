package designbench.runner.env;

import designbench.contract.Calibration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the machine's {@link Calibration}: a fixed CPU loop of {@value #LOOP_STEPS} dependent xorshift steps and
 * the median of {@value #ROUND_TRIPS} park/unpark round trips between two platform threads, each the median of
 * {@value #REPETITIONS} timed repetitions after one untimed one.
 */
public final class Calibrator {
    static final int REPETITIONS = 5;
    static final long LOOP_STEPS = 50_000_000;
    static final int ROUND_TRIPS = 2_000;

    private Calibrator() {
    }

    /** Measures both figures now. */
    public static Calibration measure() {
        double[] loops = new double[REPETITIONS];
        double[] wakeups = new double[REPETITIONS];
        long sink = cpuLoop(); // untimed: the first call runs in the interpreter
        wakeupRoundTrip();
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            sink += cpuLoop();
            loops[i] = (System.nanoTime() - start) / 1e6;
            wakeups[i] = wakeupRoundTrip();
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop's result alive
        }
        return new Calibration(median(loops), median(wakeups));
    }

    /** A loop the JIT cannot fold: each xorshift step depends on the previous one. */
    static long cpuLoop() {
        long x = System.nanoTime() | 1;
        for (int i = 0; i < LOOP_STEPS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Whose turn it is in {@link #wakeupRoundTrip()}: 1 the echo thread's, 0 the caller's. */
    private static volatile int turn;

    /** The median of {@value #ROUND_TRIPS} park/unpark round trips between two platform threads, in µs. */
    static double wakeupRoundTrip() {
        Thread caller = Thread.currentThread();
        turn = 0;
        Thread echo = Thread.ofPlatform().daemon().name("designbench-calibration-echo").start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                while (turn != 1) {
                    LockSupport.park();
                }
                turn = 0;
                LockSupport.unpark(caller);
            }
        });
        double[] micros = new double[ROUND_TRIPS];
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long start = System.nanoTime();
            turn = 1;
            LockSupport.unpark(echo);
            while (turn != 0) {
                LockSupport.park();
            }
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        try {
            echo.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return median(micros);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
