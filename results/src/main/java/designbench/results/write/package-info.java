/**
 * How do tables reach a reader? summary.md and summary.csv per run, results/README.md across machines; every file
 * is written whole or not at all.
 */
package designbench.results.write;
