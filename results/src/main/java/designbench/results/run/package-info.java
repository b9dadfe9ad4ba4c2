/**
 * How does one `mvn verify -P bench` become one run folder? {@link designbench.results.run.BenchRunMain} has the
 * runner module probe the machine and run each suite in a JVM of its own with a progress line, then reads what each
 * suite left ({@link designbench.results.run.SuiteOutput}) and turns it into summary tables and a regenerated
 * results/README.md.
 */
package designbench.results.run;
