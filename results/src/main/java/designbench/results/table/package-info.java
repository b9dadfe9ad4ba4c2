/**
 * Which design question does each benchmark answer, against which baseline, and in which direction is better?
 * Reads raw engine output (JMH JSON, failure records, HdrHistogram latency logs) into rows grouped by question,
 * with ratios to the baseline and latency percentiles.
 */
package designbench.results.table;
