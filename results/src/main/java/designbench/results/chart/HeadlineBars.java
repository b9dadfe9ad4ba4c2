package designbench.results.chart;

import designbench.contract.Question;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import java.awt.Color;
import java.util.List;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * A question's headline rows as bars: one group per setting, one bar per variant of the baseline parameter, with
 * JMH's 99.9 % confidence interval as the whisker, or half the range of a scenario row's repeated load runs (none
 * for a row that has no interval: one load run).
 */
final class HeadlineBars {
    private HeadlineBars() {
    }

    static JFreeChart of(QuestionTable headline, String subtitle) {
        Question question = headline.question();
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        String unit = "";
        boolean anyInterval = false;
        for (QuestionTable.Row row : headline.rows()) {
            Measurement m = row.measurement();
            if (m.failed()) {
                continue;
            }
            String variant = question.hasBaseline() ? question.baselineParam() + "="
                    + m.params().getOrDefault(question.baselineParam(), "?") : m.shortName();
            String setting = question.hasBaseline() ? m.paramsLabelWithout(question.baselineParam())
                    : m.paramsLabel();
            boolean interval = Double.isFinite(m.error());
            anyInterval |= interval;
            data.add((Number) m.score(), interval ? (Number) m.error() : null, variant,
                    setting.isEmpty() ? m.shortName() : setting);
            unit = m.unit();
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        categories.setMaximumCategoryLabelLines(3);
        NumberAxis values = new NumberAxis(unit + (Measurement.higherIsBetter(headline.rows().get(0).measurement()
                .mode()) ? " (higher is better)" : " (lower is better)"));
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, ChartFiles.PALETTE.get(i % ChartFiles.PALETTE.size()));
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return ChartFiles.titled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true),
                question.id() + ": " + question.title(), subtitle + "; " + whiskers(headline, anyInterval));
    }

    /** What the whiskers are: JMH's interval, half the range of repeated load runs, or none (one load run). */
    static String whiskers(QuestionTable table, boolean anyInterval) {
        if (!anyInterval) {
            return "no whiskers: one load run per bar, no interval";
        }
        List<Integer> loadRuns = table.rows().stream().map(r -> r.measurement().runLength())
                .filter(l -> l.isLoadRun() && l.n() > 1).map(l -> l.n()).distinct().sorted().toList();
        if (loadRuns.isEmpty()) {
            return "whiskers: JMH's 99.9 % confidence interval";
        }
        return "whiskers: ± half the range of the " + loadRuns.stream().map(String::valueOf)
                .collect(Collectors.joining(" or ")) + " load runs behind each bar (its median)";
    }
}
