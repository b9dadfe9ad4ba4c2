/**
 * How does one `mvn verify -P bench` become one run folder? {@link designbench.results.run.BenchRunMain} probes
 * the machine, runs each suite in a JVM of its own with a progress line, and turns what the suites wrote into
 * summary tables and a regenerated results/README.md.
 */
package designbench.results.run;
