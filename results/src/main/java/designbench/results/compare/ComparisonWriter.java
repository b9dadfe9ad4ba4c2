package designbench.results.compare;

import designbench.contract.Conditions;
import designbench.contract.Environment;
import designbench.results.chart.DeltaChart;
import designbench.results.table.Numbers;
import designbench.results.table.Sampled;
import designbench.results.table.Significance;
import designbench.results.write.AtomicFiles;
import designbench.results.write.MarkdownTable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.FileUtils;

/**
 * Writes a comparison as {@code comparison.md} (for people) and {@code comparison.csv} (every row, with both runs
 * named on each line) into {@code <dir>/<A>__vs__<B>/}: the folder is made whole beside its final place and
 * renamed, so a failed comparison leaves nothing half-written and never touches an earlier one.
 */
public final class ComparisonWriter {
    public static final List<String> CSV_COLUMNS = List.of("question", "benchmark", "params", "mode", "unit", "a",
            "b", "ratio", "p", "n_a", "n_b", "unit_a", "unit_b", "verdict", "run_a", "run_b", "jdk_a", "jdk_b",
            "change_ci95_half_width_percent");

    private ComparisonWriter() {
    }

    /** The folder name of a comparison: both runs, machine and run id. */
    public static String folderName(RunComparison.Result result) {
        return (result.a().label() + "__vs__" + result.b().label()).replace('/', '_');
    }

    public static Path write(RunComparison.Result result, Path comparisonsDir) throws IOException {
        Files.createDirectories(comparisonsDir);
        Path target = comparisonsDir.resolve(folderName(result));
        Path staging = Files.createTempDirectory(comparisonsDir, "." + folderName(result) + ".");
        try {
            boolean charted = chart(result, staging);
            AtomicFiles.writeString(staging.resolve("comparison.md"), markdown(result, comparisonsDir, charted));
            AtomicFiles.writeString(staging.resolve("comparison.csv"), csv(result));
            if (Files.exists(target)) {
                FileUtils.deleteDirectory(target.toFile()); // the same two runs compared again: same inputs, a new rendering
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                FileUtils.deleteDirectory(staging.toFile());
            }
        }
        return target;
    }

    private static String kernelBuild(RunComparison.Run run) {
        return run.environment().conditions() == null ? "not recorded" : run.environment().conditions().kernelBuild();
    }

    private static String calibration(RunComparison.Run run) {
        Conditions c = run.environment().conditions();
        if (c == null || c.start() == null) {
            return "not recorded";
        }
        return Numbers.format(c.calibration().cpuLoopMillis()) + " ms, "
                + Numbers.format(c.calibration().wakeupRoundTripMicros()) + " µs (start and end within "
                + (Double.isNaN(c.calibrationSpread()) ? "?" : Math.round(100 * c.calibrationSpread())) + " %)";
    }

    /** comparison.png and .svg: each row's change with its interval; false when it could not be drawn. */
    private static boolean chart(RunComparison.Result r, Path dir) {
        List<DeltaChart.Bar> bars = r.rows().stream().map(row -> new DeltaChart.Bar(row.key().benchmark() + " "
                + row.key().params(), 100 * (row.ratio() - 1),
                row.changeHalfWidthPercent(), row.verdict())).toList();
        try {
            DeltaChart.write(dir, "comparison", bars, r.b().label() + " against " + r.a().label(),
                    "ratio of the scores − 1 per row");
            return true;
        } catch (IOException | RuntimeException | Error e) {
            System.err.println("designbench: the comparison's chart was not drawn: " + e);
            return false;
        }
    }

    static String markdown(RunComparison.Result r, Path comparisonsDir) {
        return markdown(r, comparisonsDir, false);
    }

    static String markdown(RunComparison.Result r, Path comparisonsDir, boolean charted) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(r.b().label()).append(" against ").append(r.a().label()).append("\n\n");
        if (!r.sameJdk()) {
            out.append("> **Different JDKs** (").append(jdk(r.a())).append(" and ").append(jdk(r.b()))
                    .append("): a difference may be the JDK's, not the code's or the machine's.\n\n");
        }
        if (r.sameMachine() && !r.a().environment().machine().kernel().equals(r.b().environment().machine().kernel())) {
            out.append("> **Different kernel builds** (").append(r.a().environment().machine().kernel())
                    .append(" and ").append(r.b().environment().machine().kernel()).append("): the machine under "
                    + "the runs changed, so a difference may be the host's, not the code's.\n\n");
        }
        String calibration = RunComparison.calibrationDifference(r.a().environment().conditions(),
                r.b().environment().conditions());
        if (calibration != null) {
            out.append("> **The machine itself measured differently**: ").append(calibration).append("\n\n");
        }
        if (!r.sameMachine()) {
            out.append("> **Different machines**: read the ratios; absolute values belong to their machine.\n\n");
        }
        MarkdownTable runs = new MarkdownTable(List.of("", "A", "B"));
        runs.row(List.of("run", link(comparisonsDir, r.a()), link(comparisonsDir, r.b())));
        runs.row(List.of("machine", r.a().environment().machineId(), r.b().environment().machineId()));
        runs.row(List.of("kernel", r.a().environment().machine().kernel(), r.b().environment().machine().kernel()));
        runs.row(List.of("kernel build", kernelBuild(r.a()), kernelBuild(r.b())));
        runs.row(List.of("calibration (CPU loop, wake-up round trip)", calibration(r.a()), calibration(r.b())));
        runs.row(List.of("JDK", jdk(r.a()), jdk(r.b())));
        runs.row(List.of("profile", r.a().environment().run().profile(), r.b().environment().run().profile()));
        runs.row(List.of("commit", commit(r.a().environment()), commit(r.b().environment())));
        runs.appendTo(out);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String verdict : List.of("better", "worse", "~", Significance.TOO_FEW)) {
            counts.put(verdict, (int) r.rows().stream().filter(row -> row.verdict().equals(verdict)).count());
        }
        out.append(String.format(Locale.ROOT, "%n%d rows in common: %d better, %d worse, %d `~` (no clear change), "
                        + "%d with too few samples for a test.%n%n", r.rows().size(), counts.get("better"),
                counts.get("worse"), counts.get("~"), counts.get(Significance.TOO_FEW)));
        out.append("How to read it: ratio = B / A of the scores. p is the two-sided Mann–Whitney U test's on the "
                + "two rows' measured iterations (commons-math3), or on their fork means where the forks differ "
                + "from each other more than the iterations inside them (one-way ANOVA at 95 %); n says which and "
                + "how many. `~`: p ≥ ").append(RunComparison.ALPHA).append(" or the change is below ")
                .append(Math.round(r.noise() * 100)).append(" %; better or worse then follows the mode (higher "
                + "throughput, lower time). Fewer than ").append(RunComparison.MIN_SAMPLES)
                .append(" samples on a side: no test, no p (a proxy scenario row is one load run).\n\n");
        MarkdownTable geometric = new MarkdownTable(List.of("question", "rows", "geometric mean of B / A"));
        r.geometricMeans().forEach((question, mean) -> geometric.row(List.of(question,
                String.valueOf(r.rows().stream().filter(row -> row.question().equals(question)).count()),
                Numbers.ratio(mean))));
        geometric.appendTo(out);
        if (charted) {
            out.append("\n![each row's change](comparison.png) (also as [SVG](comparison.svg); whiskers: an "
                    + "approximate 95 % interval of the change, by the delta method from both sides' samples)\n");
        }
        String question = null;
        MarkdownTable table = null;
        for (RunComparison.Row row : r.rows()) {
            if (!row.question().equals(question)) {
                if (table != null) {
                    table.appendTo(out);
                }
                question = row.question();
                out.append("\n## ").append(question).append("\n\n");
                table = new MarkdownTable(List.of("benchmark", "params", "unit", "A", "B", "ratio", "p", "n (A / B)",
                        "verdict"));
            }
            table.row(List.of(row.key().benchmark(), row.key().params(), row.unit(), Numbers.format(row.a()),
                    Numbers.format(row.b()), Numbers.ratio(row.ratio()),
                    Double.isNaN(row.p()) ? "" : p(row.p()),
                    samples(row.samplesA(), row.samplesB()),
                    row.verdict().equals("~") ? "`~`" : row.verdict()));
        }
        if (table != null) {
            table.appendTo(out);
        }
        return out.toString();
    }

    static String csv(RunComparison.Result r) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (RunComparison.Row row : r.rows()) {
                List<Object> record = new ArrayList<>(List.of(row.question(), row.key().benchmark(),
                        row.key().params(), row.key().mode(), row.unit(), row.a(), row.b(), row.ratio(),
                        Double.isNaN(row.p()) ? "" : row.p(), row.samplesA().n(), row.samplesB().n(),
                        row.samplesA().unit(), row.samplesB().unit(), row.verdict(), r.a().label(), r.b().label(),
                        jdk(r.a()), jdk(r.b())));
                double halfWidth = row.changeHalfWidthPercent();
                record.add(Double.isNaN(halfWidth) ? "" : halfWidth);
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** "8 / 8 iterations", or "8 iterations / 2 forks" when the units differ. */
    private static String samples(Sampled a, Sampled b) {
        return a.unit().equals(b.unit()) ? a.n() + " / " + b.n() + " " + b.unit()
                : a.n() + " " + a.unit() + " / " + b.n() + " " + b.unit();
    }

    private static String p(double p) {
        return Numbers.pValue(p);
    }

    private static String jdk(RunComparison.Run run) {
        return run.environment().jvm().runtimeVersion();
    }

    private static String commit(Environment env) {
        String commit = env.git().commit();
        return commit == null ? "unknown" : commit.substring(0, Math.min(12, commit.length()));
    }

    private static String link(Path comparisonsDir, RunComparison.Run run) {
        Path from = comparisonsDir.toAbsolutePath().resolve("x");
        String relative = from.relativize(run.folder().toAbsolutePath()).toString().replace('\\', '/');
        return "[" + run.label() + "](" + relative + "/summary.md)";
    }
}
