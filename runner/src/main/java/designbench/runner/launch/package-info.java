/**
 * Code that runs inside a suite's own JVM, next to that suite's benchmarks.jar: it drives JMH through its API,
 * shows which benchmark of how many is running, keeps JMH's full log, and records failed benchmarks with their
 * reason so that they reach the tables instead of vanishing.
 */
package designbench.runner.launch;
