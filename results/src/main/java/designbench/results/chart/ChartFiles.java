package designbench.results.chart;

import designbench.results.table.Numbers;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.function.DoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.TextTitle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes a chart as PNG and SVG of one size, in one style. */
final class ChartFiles {
    static final int WIDTH = 960;
    static final int HEIGHT = 560;
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final BasicStroke LINE = new BasicStroke(2f);
    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    /** Colours that stay apart in print and for most colour-blind readers (matplotlib's tab10). */
    static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2),
            new Color(0x7f7f7f), new Color(0x17becf), new Color(0xbcbd22));

    static {
        // Charts are drawn on build machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /** The chart's title and one subtitle line (machine, JDK, run, what the whiskers are), in the common style. */
    static JFreeChart titled(JFreeChart chart, String title, String subtitle) {
        chart.setTitle(new TextTitle(title, TITLE));
        chart.addSubtitle(new TextTitle(subtitle, SUBTITLE));
        chart.setBackgroundPaint(Color.WHITE);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A log axis whose ticks read as the tables' numbers (1585, not 10^3.2 or 1,584.893). */
    static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        // A log axis puts its ticks at fractional powers of ten (3 981, 6 310): labelled to two significant
        // digits, they read as the round numbers they are near.
        axis.setNumberFormatOverride(new TickLabels(v -> Numbers.format(twoSignificantDigits(v))));
        return axis;
    }

    static double twoSignificantDigits(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(2)).doubleValue();
    }

    /** Tick labels written by a function of the tick's value (JFreeChart's axes take a {@link NumberFormat}). */
    static final class TickLabels extends NumberFormat {
        private final DoubleFunction<String> label;

        TickLabels(DoubleFunction<String> label) {
            this.label = label;
        }

        @Override
        public StringBuffer format(double value, StringBuffer out, FieldPosition position) {
            return out.append(label.apply(value));
        }

        @Override
        public StringBuffer format(long value, StringBuffer out, FieldPosition position) {
            return format((double) value, out, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("labels only");
        }
    }

    /** Writes {@code <name>.png} and {@code <name>.svg} into {@code dir}; returns the PNG's file name. */
    static String save(JFreeChart chart, Path dir, String name) throws IOException {
        return save(chart, dir, name, WIDTH, HEIGHT);
    }

    /** {@link #save(JFreeChart, Path, String)} at another size (a chart with one bar per row grows with them). */
    static String save(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        Files.createDirectories(dir);
        ChartUtils.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, width, height);
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        SVGUtils.writeToSVG(dir.resolve(name + ".svg").toFile(), svg.getSVGElement());
        return name + ".png";
    }
}
