package designbench.results.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * A comparison of two runs as a chart: one horizontal bar per row, the change of B against A in %, with its 95 %
 * interval as the whisker where both rows have samples, coloured by the row's verdict (better, worse, {@code ~},
 * too few samples).
 */
public final class DeltaChart {
    /** More rows than this make bars too thin to read: the chart shows the first this many. */
    static final int MAX_ROWS = 80;
    /** Wider than the other charts: the rows' labels name benchmark and parameters. */
    static final int WIDTH = 1200;
    private static final Map<String, Color> COLOURS = Map.of("better", new Color(0x2ca02c), "worse",
            new Color(0xd62728), "~", new Color(0x9e9e9e), "too few samples", new Color(0xc7c7c7));

    /**
     * One row of the chart.
     *
     * @param label      what the row is (question, benchmark, parameters)
     * @param changePercent B / A − 1, in %
     * @param halfWidthPercent half-width of the change's 95 % interval in %, NaN without one
     * @param verdict    "better", "worse", "~" or "too few samples"
     */
    public record Bar(String label, double changePercent, double halfWidthPercent, String verdict) {
    }

    private DeltaChart() {
    }

    /** Writes {@code <name>.png} and {@code .svg} into {@code dir}; returns the PNG's file name. */
    public static String write(Path dir, String name, List<Bar> bars, String title, String subtitle)
            throws IOException {
        List<Bar> shown = bars.subList(0, Math.min(bars.size(), MAX_ROWS));
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bar bar : shown) {
            data.add((Number) bar.changePercent(), Double.isFinite(bar.halfWidthPercent())
                    ? (Number) bar.halfWidthPercent() : null, "change", bar.label());
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return COLOURS.getOrDefault(shown.get(column).verdict(), Color.GRAY);
            }
        };
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setDrawBarOutline(false);
        CategoryAxis rows = new CategoryAxis();
        rows.setTickLabelFont(ChartFiles.SUBTITLE.deriveFont(10f));
        rows.setMaximumCategoryLabelWidthRatio(0.6f);
        NumberAxis change = new NumberAxis("change of B against A, % (whisker: 95 % interval)");
        CategoryPlot plot = new CategoryPlot(data, rows, change, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = ChartFiles.titled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), title,
                subtitle + (bars.size() > MAX_ROWS ? "; the first " + MAX_ROWS + " of " + bars.size() + " rows" : "")
                        + "; green better, red worse, grey ~ or too few samples");
        return ChartFiles.save(chart, dir, name, WIDTH, 140 + 16 * shown.size());
    }
}
