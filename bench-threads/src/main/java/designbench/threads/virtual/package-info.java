/**
 * Platform or virtual threads? The benchmarks here answer it piece by piece: what a thread costs to start
 * ({@link designbench.threads.virtual.ThreadStartBench}), what a hand-off between two threads costs
 * ({@link designbench.threads.virtual.HandoffBench}), how many blocking tasks each executor gets through
 * ({@link designbench.threads.virtual.BlockingTasksBench}), whether CPU-bound work gains anything
 * ({@link designbench.threads.virtual.CpuTasksBench}), and whether blocking inside a monitor still pins a
 * virtual thread to its carrier on this JDK ({@link designbench.threads.virtual.PinningBench}).
 */
package designbench.threads.virtual;
