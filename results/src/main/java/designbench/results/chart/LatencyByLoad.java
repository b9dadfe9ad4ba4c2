package designbench.results.chart;

import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * p99 latency against offered load, one line per variant and setting, from a scenario's open-loop rows (their
 * latency is timed from each request's intended start, so a saturated path shows as a line that shoots up).
 */
final class LatencyByLoad {
    private LatencyByLoad() {
    }

    /** Whether the table has a series with at least two open-loop rows with latencies. */
    static boolean applies(QuestionTable table) {
        return series(table).values().stream().anyMatch(s -> s.getItemCount() >= 2);
    }

    private static Map<String, XYSeries> series(QuestionTable table) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (QuestionTable.Row row : table.rows()) {
            Measurement m = row.measurement();
            Double offered = m.secondary().get("offered");
            if (m.failed() || m.latencies() == null || offered == null || !(offered > 0)) {
                continue;
            }
            String label = m.paramsLabelWithout("load");
            series.computeIfAbsent(label, l -> new XYSeries(l, true, false)).add((double) offered,
                    m.latencies().p99());
        }
        return series;
    }

    static JFreeChart of(QuestionTable table, String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        series(table).values().stream().filter(s -> s.getItemCount() >= 2).forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, ChartFiles.LINE);
            renderer.setSeriesPaint(i, ChartFiles.PALETTE.get(i % ChartFiles.PALETTE.size()));
        }
        LogAxis y = ChartFiles.logAxis("p99 latency µs (log scale)");
        XYPlot plot = new XYPlot(data, new NumberAxis("offered load, req/s"), y, renderer);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return ChartFiles.titled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true),
                table.question().id() + ": p99 latency against offered load", subtitle
                        + "; open-loop runs, latency from each request's intended start; " + pooled(table));
    }

    /** "one load run per point", or how many load runs each point's percentiles pool. */
    private static String pooled(QuestionTable table) {
        List<Integer> runs = table.rows().stream().map(r -> r.measurement().runLength())
                .filter(l -> l.isLoadRun()).map(l -> l.n()).distinct().sorted().toList();
        return runs.isEmpty() || runs.equals(List.of(1)) ? "one load run per point"
                : "each point pools the requests of its " + runs.stream().map(String::valueOf)
                        .collect(Collectors.joining(" or ")) + " load runs";
    }
}
