/**
 * The contract between a suite and the results module, as types both sides compile against: a suite that computes
 * its own tables (bench-cap, whose rows are not one score each) writes a {@link designbench.contract.SuiteTables}
 * file, and results renders it into summary.md and results/README.md with the same class that wrote it; a JMH
 * suite marks how its thread sweeps run with {@link designbench.contract.SweptThreadKinds}.
 */
package designbench.contract;
