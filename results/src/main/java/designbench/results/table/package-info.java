/**
 * Which design question does each benchmark answer, against which baseline, and in which direction is better?
 * Reads raw engine output (JMH JSON, failure records) into rows grouped by question, with ratios to the baseline.
 */
package designbench.results.table;
