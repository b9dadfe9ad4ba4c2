/**
 * What machine and JVM produced a run? JMH's JSON records nothing about the hardware, so every run folder gets an
 * environment.json from {@link designbench.runner.env.EnvironmentProbe}, and a stable machine id to file it under.
 */
package designbench.runner.env;
