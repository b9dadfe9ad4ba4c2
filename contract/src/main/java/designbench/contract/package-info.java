/**
 * The contract between the suites and the results module, as types both sides compile against instead of strings
 * each side copies: the profiles ({@link designbench.contract.Profile}), the failure records and their file
 * ({@link designbench.contract.BenchmarkFailure}, {@link designbench.contract.FailureLog}), the launcher's exit codes
 * ({@link designbench.contract.SuiteLaunch}), the latency logs' folder and tags
 * ({@link designbench.contract.HistogramTags}), the launchers' options ({@link designbench.contract.SuiteOptions}),
 * the thread sweeps' parameters ({@link designbench.contract.ThreadSweep}) and the tables a suite computes itself ({@link designbench.contract.SuiteTables}: bench-cap, whose rows are not one
 * score each), which results renders with the same class that wrote them. No Netty, JMH runner or OSHI in it.
 */
package designbench.contract;
