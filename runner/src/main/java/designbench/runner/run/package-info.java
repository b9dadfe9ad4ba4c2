/**
 * Which suites are there, and how does each run? {@link designbench.runner.run.Suite} finds them by the list their
 * engine generated, {@link designbench.runner.run.SuiteLauncher} runs one in a JVM of its own (the suite's jar and
 * the runner, nothing else), and {@link designbench.runner.run.RunFolder} makes the run folder appear whole or not
 * at all.
 */
package designbench.runner.run;
