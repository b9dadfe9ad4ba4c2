package designbench.results.chart;

import designbench.contract.Question;
import designbench.results.scale.UslFit;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Score against concurrency (threads, connections), one line with markers per series of the headline rows, and for
 * each throughput series that the Universal Scalability Law fits (see {@link UslFit}) its fitted curve, dashed, in
 * the same colour.
 */
final class ScalingCurves {
    private static final int CURVE_POINTS = 60;

    private ScalingCurves() {
    }

    static JFreeChart of(QuestionTable headline, String subtitle) {
        Question question = headline.question();
        String column = question.columnParam();
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        String unit = "";
        for (QuestionTable.Row row : headline.rows()) {
            Measurement m = row.measurement();
            double n = m.numericParam(column);
            if (m.failed() || Double.isNaN(n)) {
                continue;
            }
            series.computeIfAbsent(m.paramsLabelWithout(column), s -> new ArrayList<>())
                    .add(new double[] {n, m.score()});
            unit = m.unit();
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int index = 0;
        int fits = 0;
        int colourIndex = 0;
        boolean throughput = Measurement.higherIsBetter(headline.rows().get(0).measurement().mode());
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            Color colour = ChartFiles.PALETTE.get(colourIndex++ % ChartFiles.PALETTE.size());
            XYSeries measured = new XYSeries(entry.getKey(), true, false);
            entry.getValue().forEach(p -> measured.add(p[0], p[1]));
            data.addSeries(measured);
            renderer.setSeriesPaint(index, colour);
            renderer.setSeriesStroke(index, ChartFiles.LINE);
            index++;
            UslFit.Outcome fit = throughput ? UslFit.fit(entry.getValue()) : null;
            if (fit != null && fit.fitted()) {
                XYSeries curve = new XYSeries(entry.getKey() + ": USL fit, R² "
                        + String.format(Locale.ROOT, "%.2f", fit.fit().rSquared()), true, false);
                double low = measured.getMinX();
                double high = measured.getMaxX();
                for (int i = 0; i <= CURVE_POINTS; i++) {
                    double n = low * Math.pow(high / low, i / (double) CURVE_POINTS);
                    curve.add(n, fit.fit().throughputAt(n));
                }
                data.addSeries(curve);
                renderer.setSeriesPaint(index, colour);
                renderer.setSeriesStroke(index, ChartFiles.DASHED);
                renderer.setSeriesShapesVisible(index, false);
                index++;
                fits++;
            }
        }
        LogAxis x = new LogAxis(column + " (log scale)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0"));
        NumberAxis y = new NumberAxis(unit);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return ChartFiles.titled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true),
                question.id() + ": " + question.title(), subtitle + (fits > 0 ? "; points measured, dashed lines the "
                        + "Universal Scalability Law fit" : "; points measured (too few for a Universal Scalability Law "
                        + "fit)"));
    }
}
