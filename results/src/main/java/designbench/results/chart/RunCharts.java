package designbench.results.chart;

import designbench.contract.HistogramTags;
import designbench.results.answer.Verdict;
import designbench.results.table.HistogramLogs;
import designbench.results.table.QuestionTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.jfree.chart.JFreeChart;

/**
 * Draws a run's charts into {@code <run>/charts/}: per question, its headline rows as bars (or, for a scaling
 * table, as curves with their USL fits), their latency spectrum when the rows logged latencies, and latency against
 * offered load when the question has open-loop runs. A chart that cannot be drawn is reported and skipped: the run's
 * tables never depend on its charts.
 */
public final class RunCharts {
    /** The charts' folder inside a run folder. */
    public static final String FOLDER = "charts";
    /** At most this many lines in a latency spectrum: the palette's colours, each line told apart. */
    static final int SPECTRUM_LINES = 10;

    private RunCharts() {
    }

    /**
     * Writes the charts and returns, per question id, their PNG paths relative to the run folder (each has an SVG
     * twin beside it).
     *
     * @param runDir   the run folder (its {@code *-histograms/} folders hold the latency logs)
     * @param subtitle machine, JDK and run id, shown under each chart's title
     */
    public static Map<String, List<String>> write(Path runDir, List<QuestionTable> tables,
                                                  Map<String, Verdict> verdicts, String subtitle) {
        Map<String, Histogram> histograms = histograms(runDir);
        Map<String, List<String>> written = new LinkedHashMap<>();
        Path dir = runDir.resolve(FOLDER);
        for (QuestionTable table : tables) {
            String id = table.question().id();
            Verdict verdict = verdicts.get(id);
            if (verdict == null || verdict.headline().isEmpty()) {
                continue;
            }
            QuestionTable headline = verdict.headlineOf(table);
            List<String> files = new ArrayList<>();
            draw(files, dir, id, () -> table.question().isScalingTable() ? ScalingCurves.of(headline, subtitle)
                    : HeadlineBars.of(headline, subtitle));
            QuestionTable spectrum = spectrumRows(headline);
            if (LatencySpectrum.applies(spectrum, histograms)) {
                draw(files, dir, id + "-latency", () -> LatencySpectrum.of(spectrum, histograms, subtitle));
            }
            if (LatencyByLoad.applies(table)) {
                draw(files, dir, id + "-latency-by-load", () -> LatencyByLoad.of(table, subtitle));
            }
            if (!files.isEmpty()) {
                written.put(id, files);
            }
        }
        return written;
    }

    /**
     * The rows whose latency spectra are drawn: of a scaling table only those at its highest concurrency (every
     * point of every series would be a tangle), and at most {@value #SPECTRUM_LINES} in any case.
     */
    static QuestionTable spectrumRows(QuestionTable headline) {
        List<QuestionTable.Row> rows = headline.rows();
        String column = headline.question().columnParam();
        if (column != null) {
            double highest = rows.stream().mapToDouble(r -> r.measurement().numericParam(column)).max()
                    .orElse(Double.NaN);
            rows = rows.stream().filter(r -> r.measurement().numericParam(column) == highest).toList();
        }
        return new QuestionTable(headline.question(), rows.subList(0, Math.min(rows.size(), SPECTRUM_LINES)));
    }

    private interface Drawing {
        JFreeChart chart();
    }

    private static void draw(List<String> files, Path dir, String name, Drawing drawing) {
        try {
            files.add(FOLDER + "/" + ChartFiles.save(drawing.chart(), dir, name));
        } catch (IOException | RuntimeException | Error e) {
            // An AWTError or a missing font library must not cost the run its tables.
            System.err.println("designbench: chart " + name + " not drawn: " + e);
        }
    }

    /** Every latency histogram the run's suites logged, by tag. */
    private static Map<String, Histogram> histograms(Path runDir) {
        Map<String, Histogram> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path folder : files.filter(f -> Files.isDirectory(f)
                    && f.getFileName().toString().endsWith(HistogramTags.FOLDER_SUFFIX)).sorted().toList()) {
                all.putAll(HistogramLogs.read(folder));
            }
        } catch (IOException e) {
            System.err.println("designbench: no latency spectra: " + e.getMessage());
        }
        return all;
    }
}
