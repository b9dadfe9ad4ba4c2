package designbench.results.write;

import designbench.contract.Calibration;
import designbench.contract.Conditions;
import designbench.contract.Environment;
import designbench.contract.Profile;
import designbench.contract.Question;
import designbench.contract.StressOutcome;
import designbench.contract.StressTestResult;
import designbench.contract.SuiteTables;
import designbench.contract.SuiteTablesMarkdown;
import designbench.results.answer.AnswerRow;
import designbench.results.answer.Verdict;
import designbench.results.answer.Verdicts;
import designbench.results.table.LatencyPercentiles;
import designbench.results.table.Measurement;
import designbench.results.table.Numbers;
import designbench.results.table.QuestionTable;
import designbench.results.table.RunLength;
import designbench.results.table.SuiteOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Renders one run's tables: summary.md for people, summary.csv for tools and for results/README.md. */
public final class SummaryWriter {
    /**
     * The columns every summary.csv has had since the first run; {@link ResultsIndexWriter} reads them back by these
     * names, so committed runs of any age can be compared.
     */
    public static final List<String> CSV_INDEX_COLUMNS = List.of("question", "question_title", "benchmark",
            "params", "mode", "score", "error", "unit", "ratio_to_baseline", "baseline", "better", "clearly_differs",
            "status", "reason");
    /**
     * summary.csv's columns, in order: the index columns, then MB/s and latency percentiles in µs where known, then
     * a scenario's offered rate, errors and cache hit ratio where known, then the ratio to the row's reference (the IPC
     * tables: the C row of its kind; the proxy tables: nginx) and what that reference is, then what identifies the row
     * when it is copied out of the file: n (load runs, or JMH forks × measured iterations; empty when unknown), machine
     * id, JDK, run id and profile name.
     */
    public static final List<String> CSV_COLUMNS = Stream.concat(CSV_INDEX_COLUMNS.stream(), Stream.of(
            "mb_per_s", "p50_us", "p90_us", "p99_us", "p999_us", "max_us", "latency_samples", "offered_per_s",
            "errors", "hit_ratio", "ratio_to_reference", "reference", "n", "machine", "jdk", "run_id", "profile"))
            .toList();

    static final String CLEARLY_DIFFERS_LEGEND = "`~` after a ratio: no clear difference from the baseline, as "
            + "benchstat's `~`: a two-sided Mann-Whitney U test on the two rows' measured iterations (or on their "
            + "fork means, when the forks differ more than the iterations inside them) gives p >= 0.05, or the "
            + "scores differ by less than 2 %. `?`: not tested, fewer than 4 samples on a side (a quick run's rows, "
            + "or a proxy scenario row of fewer than 4 load runs). A ratio with neither differs clearly.";
    /** summary.csv's clearly_differs value for a row that could not be tested. */
    public static final String UNTESTED = "untested";

    /** Column headings of the secondary metrics, in {@link Measurement#SCENARIO_METRICS} order. */
    private static final Map<String, String> SECONDARY_HEADERS = Map.of("offered", "offered req/s", "errors",
            "errors", "hitRatio", "hit ratio");

    /** Latency columns of a table whose rows carry HdrHistogram percentiles. */
    private static final List<String> LATENCY_HEADERS =
            List.of("p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs");

    private SummaryWriter() {
    }

    /** The Markdown summary of one run. */
    public static String markdown(Environment env, List<SuiteOutcome> suites, List<QuestionTable> tables,
                                  List<StressTestResult> stressTests) {
        return markdown(env, suites, tables, stressTests, List.of());
    }

    /**
     * The Markdown summary of one run, with the tables that table suites (bench-cap) computed themselves; verdicts
     * from the rows alone (no raw samples, so no row's difference is tested).
     */
    public static String markdown(Environment env, List<SuiteOutcome> suites, List<QuestionTable> tables,
                                  List<StressTestResult> stressTests, List<SuiteTables> suiteTables) {
        return markdown(env, suites, tables, stressTests, suiteTables, Verdicts.forTables(tables, Map.of()),
                Map.of());
    }

    /**
     * The Markdown summary of one run with each question's verdict (see {@link Verdicts}) and charts (PNG paths
     * relative to the run folder), both by question id.
     */
    public static String markdown(Environment env, List<SuiteOutcome> suites, List<QuestionTable> tables,
                                  List<StressTestResult> stressTests, List<SuiteTables> suiteTables,
                                  Map<String, Verdict> verdicts, Map<String, List<String>> charts) {
        StringBuilder out = new StringBuilder();
        out.append("# Run ").append(env.run().runId()).append(" on ").append(env.machineId()).append("\n\n");
        if (env.run().name().equals(Profile.QUICK.name())) {
            out.append("> **Quick profile**: a first look with wide error bars; do not cite these figures.\n\n");
        }
        Environment.Machine machine = env.machine();
        new MarkdownTable(List.of("", ""))
                .row(List.of("profile", describeProfile(env, tables, suiteTables)))
                .row(List.of("include", "`" + env.run().include() + "`"))
                .row(List.of("machine", describeMachine(machine)))
                .row(List.of("conditions", describeConditions(env.conditions())))
                .row(List.of("JVM", describeJvm(env.jvm())))
                .row(List.of("code", "commit " + shortCommit(env.git().commit()) + dirtyNote(env.git().dirty())))
                .row(List.of("time (UTC)", env.run().startedAt() + " to " + env.run().endedAt()))
                .appendTo(out);
        out.append("\nFull details: [environment.json](environment.json).\n\n## Suites\n\n");
        MarkdownTable suiteTable = new MarkdownTable(List.of("suite", "status", "measured", "failed", "unavailable",
                "raw output"));
        for (SuiteOutcome suite : suites) {
            suiteTable.row(List.of(suite.suite(),
                    suite.status() + (suite.detail().isEmpty() ? "" : ": " + suite.detail()),
                    String.valueOf(suite.measuredCount()), String.valueOf(suite.failedCount()),
                    String.valueOf(suite.unavailableCount()),
                    String.join(", ", suite.files().stream().map(f -> "[" + f + "](" + f + ")").toList())));
        }
        suiteTable.appendTo(out);
        if (suites.stream().anyMatch(s -> s.unavailableCount() > 0)) {
            out.append("\nVariants marked unavailable do not apply to their shape or to this machine; each says why. "
                    + "They are not failures.\n");
        }

        for (QuestionTable table : tables) {
            out.append("\n## ").append(table.question().id()).append(": ").append(table.question().title())
                    .append("\n\n");
            Verdict verdict = verdicts.get(table.question().id());
            if (verdict != null) {
                out.append("**Answer** (").append(env.machineId()).append(", JDK ").append(env.jvm().runtimeVersion())
                        .append("): ").append(verdict.text()).append("\n\n");
            }
            out.append("JDK ").append(env.jvm().runtimeVersion()).append(". Score: ").append(table.direction())
                    .append("; ").append(uncertaintyNote(table)).append(" Baseline: `")
                    .append(table.question().baselineLabel()).append("`. ")
                    .append(table.question().readingNote()).append("\n\n");
            QuestionTable headline = verdict == null ? table : verdict.headlineOf(table);
            if (headline.rows().size() < table.rows().size()) {
                out.append("The rows that answer it (each compared setting's best and the row it is compared "
                        + "with").append(verdict != null && verdict.referencesShown()
                        ? ", and the rows the answer compares with their reference" : "").append("):\n\n");
                appendTable(out, headline, env);
                out.append("\n<details><summary>All ").append(table.rows().size())
                        .append(" rows</summary>\n\n");
                appendTable(out, table, env);
                out.append("\n</details>\n");
            } else {
                appendTable(out, table, env);
            }
            if (table.question().isScalingTable()) {
                appendUsl(out, table, env.machine().logicalCores());
            }
            for (String chart : charts.getOrDefault(table.question().id(), List.of())) {
                out.append("\n![").append(chart).append("](").append(chart).append(") (also as [SVG](")
                        .append(chart.replaceAll("\\.png$", ".svg")).append("))\n");
            }
        }
        for (SuiteTables computed : suiteTables) {
            out.append(SuiteTablesMarkdown.render(computed, "##"));
        }
        if (!stressTests.isEmpty()) {
            StressTable.appendTo(out, stressTests);
        }
        out.append("\n").append(CLEARLY_DIFFERS_LEGEND).append("\n");
        return out.toString();
    }

    /**
     * What each suite that ran did under the profile: the JMH and jcstress suites' forks and iterations, the proxy
     * scenarios' load runs (recorded in environment.json since 2026-12-03; before, only above their tables),
     * and the table suites (bench-cap), whose own timing each of their table headings states.
     */
    static String describeProfile(Environment env, List<QuestionTable> tables, List<SuiteTables> suiteTables) {
        Environment.Run run = env.run();
        List<String> own = new ArrayList<>();
        boolean loadRuns = tables.stream().flatMap(t -> t.rows().stream())
                .anyMatch(r -> r.measurement().runLength().isLoadRun());
        if (loadRuns) {
            own.add(run.loadRuns() != null ? "the proxy scenarios: " + run.loadRuns()
                    : "the proxy scenarios ran their own load runs for this profile, stated above their tables");
        }
        for (SuiteTables suite : suiteTables) {
            own.add(suite.suite() + " ran its own timing for this profile, stated above its tables");
        }
        boolean jmh = tables.stream().flatMap(t -> t.rows().stream())
                .anyMatch(r -> !r.measurement().failed() && !r.measurement().runLength().isLoadRun());
        if (own.isEmpty()) {
            return run.profile();
        }
        return (jmh ? run.profile() + " (the JMH and jcstress suites); " : run.name() + " (no JMH suite ran); ")
                + String.join("; ", own);
    }

    /**
     * What the rows' ± and n are, from the run length their result files state: JMH's confidence interval over forks
     * × iterations, or one load run per row, which has no interval. A heading claims only what its rows have.
     */
    static String uncertaintyNote(QuestionTable table) {
        List<RunLength> lengths = table.rows().stream().map(r -> r.measurement())
                .filter(m -> !m.failed()).map(Measurement::runLength).distinct().toList();
        if (lengths.isEmpty()) {
            return "no row was measured.";
        }
        String described = String.join("; ", lengths.stream().map(RunLength::describe).distinct().toList());
        if (lengths.stream().allMatch(RunLength::isLoadRun)) {
            return loadRunNote(lengths, described);
        }
        String ns = String.join(", ", lengths.stream().filter(l -> l.n() > 0).map(l -> String.valueOf(l.n()))
                .distinct().toList());
        boolean someWithout = table.rows().stream().map(QuestionTable.Row::measurement)
                .anyMatch(m -> !m.failed() && !Double.isFinite(m.error()));
        return "± is the half-width of JMH's 99.9% confidence interval" + (someWithout
                ? " (n/a where JMH gave none)" : "")
                + (ns.isEmpty() ? "." : " over n = " + ns + " measured iterations per row (" + described + ").");
    }

    /**
     * What ± and n are for rows of load runs: one run has no interval; the median of repeated runs has their range,
     * which covers the median with probability 1 − 2 · 0.5ⁿ whatever the distribution (94 % for n = 5).
     */
    static String loadRunNote(List<RunLength> lengths, String described) {
        List<Integer> ns = lengths.stream().map(RunLength::n).distinct().sorted().toList();
        if (ns.equals(List.of(1))) {
            return "each row is one load run (n=1), so it has no confidence interval: compare rows of one run, and "
                    + "runs of one machine. Run length: " + described + ".";
        }
        String coverage = String.join(", ", ns.stream().filter(n -> n > 1)
                .map(n -> "%.0f %% for n = %d".formatted(100 * (1 - 2 * Math.pow(0.5, n)), n)).toList());
        return "each row's score is the median of its n load runs (n = " + String.join(", ",
                ns.stream().map(String::valueOf).toList()) + "), run interleaved with the rows it is compared with; "
                + "± is half the range of their rates, and the range covers the median with a probability of "
                + coverage + " (distribution-free); `~` and `?` come from a Mann-Whitney test over the runs' rates"
                + (ns.contains(1) ? "; a row of one run (n=1) has no interval" : "") + ". Run length: " + described
                + ".";
    }

    private static void appendTable(StringBuilder out, QuestionTable table, Environment env) {
        if (table.question().isScalingTable()) {
            ScalingTable.appendTo(out, table, env.machine().logicalCores());
        } else {
            appendFlatTable(out, table);
        }
    }

    /** The USL fits of a throughput table's series, one per row of its scaling table. */
    private static void appendUsl(StringBuilder out, QuestionTable table, int logicalCores) {
        UslTable.appendTo(out, table.rows().stream().map(r -> AnswerRow.of(r.measurement())).filter(Objects::nonNull)
                .toList(), table.question().columnParam(), logicalCores);
    }

    private static void appendFlatTable(StringBuilder out, QuestionTable table) {
        Question question = table.question();
        boolean megabytes = question.bytesParam() != null;
        boolean latencies = table.rows().stream().anyMatch(r -> r.measurement().latencies() != null);
        List<String> secondary = Measurement.SCENARIO_METRICS.stream()
                .filter(name -> table.rows().stream().anyMatch(r -> r.measurement().secondary().containsKey(name)))
                .toList();
        List<String> headers = new ArrayList<>(List.of("benchmark", "params", "score", "± error", "n", "unit"));
        secondary.forEach(name -> headers.add(SECONDARY_HEADERS.get(name)));
        if (megabytes) {
            headers.add("MB/s");
        }
        if (latencies) {
            headers.addAll(LATENCY_HEADERS);
        }
        headers.add("ratio to " + question.baselineLabel());
        if (question.hasReference()) {
            headers.add(question.referenceLabel());
        }
        MarkdownTable markdown = new MarkdownTable(headers);
        for (QuestionTable.Row row : table.rows()) {
            Measurement m = row.measurement();
            List<String> cells = new ArrayList<>(List.of(m.shortName(), m.paramsLabel()));
            if (m.failed()) {
                cells.addAll(List.of(m.unavailable() ? "unavailable" : "**FAILED**", "", "", ""));
                cells.addAll(Collections.nCopies(headers.size() - cells.size() - 1, ""));
                cells.add(m.failureReason());
            } else {
                cells.addAll(List.of(Numbers.format(m.score()), Numbers.format(m.error()),
                        m.runLength().n() == 0 ? "" : String.valueOf(m.runLength().n()), m.unit()));
                secondary.forEach(name -> cells.add(secondaryCell(name, m.secondary().get(name))));
                if (megabytes) {
                    cells.add(Numbers.format(m.megabytesPerSecond(question.bytesParam())));
                }
                if (latencies) {
                    cells.addAll(latencyCells(m.latencies()));
                }
                cells.add(ratioCell(row));
                if (question.hasReference()) {
                    cells.add(row.referenceRatio() == null ? "" : Numbers.ratio(row.referenceRatio()));
                }
            }
            markdown.row(cells);
        }
        markdown.appendTo(out);
        if (latencies) {
            boolean loadRuns = table.rows().stream().anyMatch(r -> r.measurement().runLength().isLoadRun());
            out.append("\nPercentiles in µs over every measured ").append(loadRuns
                    ? "request of every load run of the row" : "operation of every fork")
                    .append(", from the HdrHistogram logs in the run folder.\n");
        }
    }

    /** "closed loop" for an offered rate of 0, a percentage for a hit ratio, "" for an unknown value. */
    private static String secondaryCell(String name, Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        return switch (name) {
            case "offered" -> value == 0 ? "closed loop" : Numbers.format(value);
            case "hitRatio" -> String.format(java.util.Locale.ROOT, "%.1f %%", 100 * value);
            default -> String.valueOf(Math.round(value));
        };
    }

    private static List<String> latencyCells(LatencyPercentiles p) {
        if (p == null) {
            return Collections.nCopies(LATENCY_HEADERS.size(), "");
        }
        return List.of(Numbers.format(p.p50()), Numbers.format(p.p90()), Numbers.format(p.p99()),
                Numbers.format(p.p999()), Numbers.format(p.max()));
    }

    /** The CSV summary of one run: one line per benchmark and parameter set, failures included. */
    public static String csv(Environment env, List<QuestionTable> tables, List<StressTestResult> stressTests) {
        List<Object> identity = List.of(env.machineId(), env.jvm().runtimeVersion(), env.run().runId(),
                env.run().name());
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (QuestionTable table : tables) {
                for (QuestionTable.Row row : table.rows()) {
                    Measurement m = row.measurement();
                    List<Object> record = new ArrayList<>();
                    record.add(table.question().id());
                    record.add(table.question().title());
                    record.add(m.shortName());
                    record.add(m.paramsLabel());
                    record.add(m.mode());
                    record.add(m.failed() ? "" : m.score());
                    record.add(m.failed() || Double.isNaN(m.error()) ? "" : m.error());
                    record.add(m.unit());
                    record.add(row.ratio() == null ? "" : row.ratio());
                    record.add(table.question().baselineLabel());
                    record.add(m.failed() ? "" : m.higherIsBetter() ? "higher" : "lower");
                    record.add(row.untested() ? UNTESTED : row.clearlyDiffers() == null ? "" : row.clearlyDiffers());
                    record.add(m.status());
                    record.add(m.failed() ? m.failureReason() : "");
                    double megabytes = m.megabytesPerSecond(table.question().bytesParam());
                    record.add(Double.isNaN(megabytes) ? "" : megabytes);
                    LatencyPercentiles p = m.latencies();
                    if (p == null) {
                        record.addAll(Collections.nCopies(6, ""));
                    } else {
                        record.addAll(List.of(p.p50(), p.p90(), p.p99(), p.p999(), p.max(), p.count()));
                    }
                    for (String name : Measurement.SCENARIO_METRICS) {
                        Double value = m.secondary().get(name);
                        record.add(value == null || value.isNaN() ? "" : value);
                    }
                    record.add(row.referenceRatio() == null ? "" : row.referenceRatio());
                    record.add(row.reference() == null ? "" : row.reference());
                    record.add(m.failed() || m.runLength().n() == 0 ? "" : m.runLength().n());
                    record.addAll(identity);
                    printer.printRecord(record);
                }
            }
            for (StressTestResult test : stressTests) {
                for (StressOutcome outcome : test.outcomes()) {
                    printer.printRecord(StressTable.QUESTION_ID, StressTable.QUESTION_TITLE, test.shortName(),
                            "outcome=" + outcome.id(), StressTable.MODE, outcome.count(), "", "samples", "", "", "",
                            "", test.verdict(), outcome.expectation() + ": " + outcome.description()
                                    + (test.error() == null ? "" : " (" + test.error() + ")"),
                            "", "", "", "", "", "", "", "", "", "", "", "", outcome.count(), identity.get(0),
                            identity.get(1), identity.get(2), identity.get(3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String ratioCell(QuestionTable.Row row) {
        if (row.ratio() == null) {
            return "n/a";
        }
        return Numbers.ratio(row.ratio()) + (Boolean.FALSE.equals(row.clearlyDiffers()) ? " ~"
                : row.untested() ? " ?" : "");
    }

    static String describeMachine(Environment.Machine m) {
        return "%s; %d physical / %d logical cores; %d GiB; %s, kernel %s (%s); max frequency %s; governor %s; "
                .formatted(m.cpuModel(), m.physicalCores(), m.logicalCores(), (m.memoryBytes() + (1L << 29)) >> 30,
                        m.os(), m.kernel(), m.architecture(),
                        m.cpuMaxFrequencyMhz() > 0 ? m.cpuMaxFrequencyMhz() + " MHz" : "unknown", m.cpuGovernor())
                + "under a hypervisor: " + m.underHypervisor();
    }

    /**
     * "kernel build #1 SMP …; calibration at start → end: CPU loop 45.1 → 45.3 ms, wake-up round trip 31.0 → 29.2 µs;
     * steal 0.40 % of CPU time; load average 0.50 → 1.90", or "not recorded" for runs made before they were.
     */
    static String describeConditions(Conditions c) {
        if (c == null || c.start() == null) {
            return "not recorded (run made before designbench recorded them)";
        }
        Calibration end = c.end();
        return "kernel build " + c.kernelBuild() + "; calibration at start" + (end == null ? "" : " → end")
                + ": CPU loop " + Numbers.format(c.start().cpuLoopMillis())
                + (end == null ? "" : " → " + Numbers.format(end.cpuLoopMillis())) + " ms, thread wake-up round trip "
                + Numbers.format(c.start().wakeupRoundTripMicros())
                + (end == null ? "" : " → " + Numbers.format(end.wakeupRoundTripMicros())) + " µs; steal "
                + Numbers.format(c.stealPercent()) + " % of CPU time; load average " + Numbers.format(c.loadAtStart())
                + " → " + Numbers.format(c.loadAtEnd());
    }

    static String describeJvm(Environment.Jvm jvm) {
        return "%s %s %s; GC %s; fork flags: %s".formatted(jvm.vendor(), jvm.vmName(), jvm.runtimeVersion(),
                jvm.garbageCollector(), jvm.forkFlags().isEmpty() ? "none" : String.join(" ", jvm.forkFlags()));
    }

    static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String dirtyNote(Boolean dirty) {
        if (dirty == null) {
            return " (working tree state unknown)";
        }
        return dirty ? " **with uncommitted changes**" : " (clean working tree)";
    }
}
