/**
 * Performance against scalability: the Universal Scalability Law fitted to a throughput-by-concurrency series
 * ({@link designbench.results.scale.UslFit}), its verdict in the design note's terms, and the capacity those
 * throughputs translate into ({@link designbench.results.scale.Capacity}).
 */
package designbench.results.scale;
