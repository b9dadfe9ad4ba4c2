package designbench.results.chart;

import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency by percentile, as HdrHistogram plots it: x is 1/(1−q) on a log scale (so 90 %, 99 %, 99.9 % are equally
 * spaced and the tail gets room), y the latency in µs on a log scale, one line per headline row whose benchmark
 * logged every operation. A line ends where the row's samples end: no percentile beyond what was measured.
 */
final class LatencySpectrum {
    private static final int STEPS_PER_DECADE = 10;

    private LatencySpectrum() {
    }

    /** Whether any of the rows has a histogram to draw. */
    static boolean applies(QuestionTable headline, Map<String, Histogram> histograms) {
        return headline.rows().stream().anyMatch(r -> histograms.containsKey(r.measurement().histogramTag()));
    }

    static JFreeChart of(QuestionTable headline, Map<String, Histogram> histograms, String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        // Parameters every drawn row shares go to the subtitle, so the legend names only what differs.
        Map<String, String> common = null;
        for (QuestionTable.Row row : headline.rows()) {
            if (histograms.containsKey(row.measurement().histogramTag())) {
                if (common == null) {
                    common = new LinkedHashMap<>(row.measurement().params());
                } else {
                    common.entrySet().retainAll(row.measurement().params().entrySet());
                }
            }
        }
        Map<String, String> shared = common == null ? Map.of() : common;
        for (QuestionTable.Row row : headline.rows()) {
            Measurement m = row.measurement();
            Histogram histogram = histograms.get(m.histogramTag());
            if (histogram == null || histogram.getTotalCount() == 0) {
                continue;
            }
            String label = m.params().entrySet().stream().filter(e -> !shared.containsKey(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            XYSeries series = new XYSeries(label.isEmpty() ? m.shortName() : label, false, true);
            double last = histogram.getTotalCount();
            for (int k = 0; Math.pow(10, k / (double) STEPS_PER_DECADE) <= last; k++) {
                double x = Math.pow(10, k / (double) STEPS_PER_DECADE);
                series.add(x, Math.max(histogram.getValueAtPercentile(100 * (1 - 1 / x)), 1) / 1000.0);
            }
            series.add(last, histogram.getMaxValue() / 1000.0);
            data.addSeries(series);
        }
        LogAxis x = new LogAxis("percentile (x = 1/(1-q), log scale)");
        x.setBase(10);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new ChartFiles.TickLabels(LatencySpectrum::percentile));
        LogAxis y = ChartFiles.logAxis("latency µs (log scale)");
        y.setSmallestValue(0.001);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, ChartFiles.LINE);
            renderer.setSeriesPaint(i, ChartFiles.PALETTE.get(i % ChartFiles.PALETTE.size()));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return ChartFiles.titled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true),
                headline.question().id() + ": latency by percentile" + (shared.isEmpty() ? "" : ", "
                        + shared.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" "))), subtitle
                        + "; every measured operation, from the run's HdrHistogram logs");
    }

    /** Labels 1, 10, 100 … as the percentiles they stand for: 0 %, 90 %, 99 % … */
    static String percentile(double value) {
        double q = 100 * (1 - 1 / value);
        return q < 1e-9 ? "0%" : String.format(Locale.ROOT, "%." + Math.max(0,
                (int) Math.round(Math.log10(value)) - 2) + "f%%", q);
    }
}
