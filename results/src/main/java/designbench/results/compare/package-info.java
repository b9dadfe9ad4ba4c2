/**
 * Is this run different from that one? Two runs' common rows compared with a Mann–Whitney U test on their measured
 * iterations, as benchstat compares Go benchmarks: {@link designbench.results.compare.RunComparison}.
 */
package designbench.results.compare;
