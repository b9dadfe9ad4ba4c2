/**
 * The charts of a run, drawn with JFreeChart (PNG) and JFreeSVG (SVG) into the run folder's {@code charts/}: each
 * question's headline rows as bars with their interval, scaling curves with the Universal Scalability Law fit drawn
 * over the measured points, latency percentile spectra from the HdrHistogram logs, latency against offered load, and
 * a comparison's per-row changes. Which chart a question gets follows from its rows, not from a list.
 */
package designbench.results.chart;
