package designbench.cap.check;

import designbench.cap.history.Op;
import designbench.contract.SuiteTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CAP suite's tables and verdicts, from the analysed histories: {@code cap-availability} (who answered, during
 * the partitions and outside them), {@code cap-consistency} (linearizable or not, stale reads, lost writes,
 * convergence) and {@code cap-partitions} (each partition on its own, as lengths differ). No sentence is written by
 * hand: each verdict is assembled from the same figures as the rows.
 */
public final class CapTables {
    /** What one system gave: its analysed history, or why it could not run. */
    public record Outcome(String system, HistoryAnalysis.Result result, String unavailable, boolean failed) {
        public static Outcome measured(HistoryAnalysis.Result result) {
            return new Outcome(result.system(), result, null, false);
        }

        public static Outcome unavailable(String system, String reason) {
            return new Outcome(system, null, reason, false);
        }

        public static Outcome failed(String system, String reason) {
            return new Outcome(system, null, reason, true);
        }
    }

    private CapTables() {
    }

    public static SuiteTables build(String suite, String timing, List<Outcome> outcomes) {
        return new SuiteTables(suite, timing, List.of(availability(outcomes), consistency(outcomes),
                partitions(outcomes)));
    }

    static SuiteTables.Table availability(List<Outcome> outcomes) {
        List<String> columns = List.of("system", "operation", "when", "side", "operations", "answered OK",
                "timeouts", "unavailable", "other errors", "p50 ms", "p99 ms");
        List<List<String>> rows = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.result() == null) {
                rows.add(unavailableRow(outcome, columns.size()));
                verdicts.add(outcome.system() + ": not measured (" + (outcome.failed() ? "FAILED: " : "")
                        + outcome.unavailable() + ").");
                continue;
            }
            for (HistoryAnalysis.AvailabilityRow row : outcome.result().availability()) {
                HistoryAnalysis.Counts c = row.counts();
                rows.add(List.of(outcome.system(), row.operation(), row.when(), row.side(), String.valueOf(c.n()),
                        percent(c.okShare()), String.valueOf(c.timeout()), String.valueOf(c.unavailable()),
                        String.valueOf(c.error()), millis(c.p50()), millis(c.p99())));
            }
            for (HistoryAnalysis.ReadPath path : outcome.result().readPaths()) {
                verdicts.add(verdict(outcome.result(), path));
            }
        }
        return new SuiteTables.Table("cap-availability",
                "CAP: during a network partition, which side answers reads and writes, and how fast?", verdicts,
                columns, rows, List.of(
                        "partitioned: issued while one member was cut off; minority: by the client on the cut-off "
                                + "member's host, majority: by the clients on the other two; before: issued before "
                                + "the first partition; after heal: issued after a heal (until the next partition), "
                                + "while the members reconcile.",
                        "answered OK: share of the operations that got a successful answer within the timeout; "
                                + "timeouts got none (a timed-out write may still take effect later); unavailable: "
                                + "refused at once (no leader, connection refused); other errors: any other failure.",
                        "p50/p99: latency of the answered operations, from the open-loop schedule's intended start "
                                + "to the answer (ms).",
                        "verdicts: a side answers when it answered at least half of its operations during the "
                                + "partitions, else it refuses; CP: linearizable, no stale read, no lost write, and "
                                + "the cut-off side refused; AP: both sides answered, and some answers were stale "
                                + "or some acknowledged writes were lost."));
    }

    static SuiteTables.Table consistency(List<Outcome> outcomes) {
        List<String> columns = List.of("system", "reads", "linearizable", "first violation", "reads OK",
                "stale reads", "stale while partitioned", "max staleness", "reads of unwritten values",
                "lost acknowledged writes", "converged after heal");
        List<List<String>> rows = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.result() == null) {
                rows.add(unavailableRow(outcome, columns.size()));
                continue;
            }
            HistoryAnalysis.Result r = outcome.result();
            for (HistoryAnalysis.ReadPath path : r.readPaths()) {
                rows.add(List.of(r.system(), path.mode(), linearizable(path), violation(path, r),
                        String.valueOf(path.okReads()),
                        path.staleReads() + " (" + percent(path.staleShare()) + ")",
                        String.valueOf(path.staleWhilePartitioned()),
                        path.staleReads() == 0 ? "none" : path.maxVersionsBehind() + " versions, "
                                + seconds(path.maxMillisBehind() / 1000) + " behind",
                        String.valueOf(path.phantomReads()), lost(r.lostWrites()), convergence(r)));
            }
        }
        return new SuiteTables.Table("cap-consistency",
                "CAP: are the answers up to date (linearizable), how stale are they, and what "
                        + "survives the heal?", List.of(), columns, rows, List.of(
                        "linearizable: whether one order of all the operations exists that keeps each operation "
                                + "between its call and its answer and gives every read the latest write before it "
                                + "(checked per key; timed-out writes may fall anywhere after their call, or never).",
                        "first violation: the operation no such order could place, with the value the register "
                                + "held at the deepest point the search reached.",
                        "stale read: a successful read that missed a write acknowledged before it was issued and "
                                + "issued after the write it returned was acknowledged; max staleness: the most such "
                                + "writes one read missed, and how long the first of them had been acknowledged.",
                        "lost acknowledged writes: writes the final state (read from every member after the last "
                                + "heal) does not hold although they were issued after the write it does hold was "
                                + "acknowledged.",
                        "converged after heal: time from each heal to the poll at which every member answered the "
                                + "same value for a key written on both sides during the partition (an upper bound: "
                                + "polled every 100 ms)."));
    }

    static SuiteTables.Table partitions(List<Outcome> outcomes) {
        List<String> columns = List.of("system", "operation", "partition", "length", "cut off", "minority OK",
                "majority OK", "converged after heal");
        List<List<String>> rows = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.result() == null) {
                rows.add(unavailableRow(outcome, columns.size()));
                continue;
            }
            HistoryAnalysis.Result r = outcome.result();
            List<String> operations = r.availability().stream().map(HistoryAnalysis.AvailabilityRow::operation)
                    .distinct().toList();
            for (String operation : operations) {
                for (HistoryAnalysis.Partition p : r.partitions()) {
                    rows.add(List.of(r.system(), operation, String.valueOf(p.number()), seconds(p.lengthSeconds()),
                            p.isolated(), share(r, p, operation, HistoryAnalysis.MINORITY),
                            share(r, p, operation, HistoryAnalysis.MAJORITY), converged(p)));
                }
            }
        }
        return new SuiteTables.Table("cap-partitions", "CAP: each partition on its own (lengths differ)",
                List.of(), columns, rows, List.of("minority OK, majority OK: share of that operation issued during "
                + "that partition on that side that was answered OK, of how many issued."));
    }

    /** The verdict sentence of one read path, in the seed's terms. */
    static String verdict(HistoryAnalysis.Result r, HistoryAnalysis.ReadPath path) {
        HistoryAnalysis.Counts minorityReads = partitioned(r, "read (" + path.mode() + ")", HistoryAnalysis.MINORITY);
        HistoryAnalysis.Counts minorityWrites = partitioned(r, "write", HistoryAnalysis.MINORITY);
        HistoryAnalysis.Counts majorityReads = partitioned(r, "read (" + path.mode() + ")", HistoryAnalysis.MAJORITY);
        HistoryAnalysis.Counts majorityWrites = partitioned(r, "write", HistoryAnalysis.MAJORITY);
        StringBuilder s = new StringBuilder();
        s.append(r.description()).append(", ").append(path.mode()).append(" reads: during ")
                .append(r.partitions().size()).append(" partition").append(r.partitions().size() == 1 ? "" : "s")
                .append(" the minority side answered ").append(percent(minorityReads.okShare())).append(" of ")
                .append(minorityReads.n()).append(" reads and ").append(percent(minorityWrites.okShare()))
                .append(" of ").append(minorityWrites.n()).append(" writes").append(failures(minorityReads,
                        minorityWrites)).append(", the majority ").append(percent(majorityReads.okShare()))
                .append(" and ").append(percent(majorityWrites.okShare())).append("; ");
        s.append(switch (path.verdict()) {
            case LINEARIZABLE -> "linearizable";
            case NOT_LINEARIZABLE -> "not linearizable";
            case UNKNOWN -> "linearizability not decided (search budget spent)";
        });
        s.append(", ").append(percent(path.staleShare())).append(" of ").append(path.okReads())
                .append(" successful reads stale");
        if (path.staleReads() > 0) {
            s.append(" (up to ").append(seconds(path.maxMillisBehind() / 1000)).append(" behind)");
        }
        s.append(", ").append(r.lostWrites().lost()).append(" acknowledged writes lost, ").append(convergence(r))
                .append(" to converge after a heal. ").append(cap(path, minorityReads, minorityWrites,
                        r.lostWrites())).append('.');
        return s.toString();
    }

    /** A side "answers" when it answered at least this share during the partitions, else it "refuses". */
    static final double MOSTLY = 0.5;

    /** The seed's classification: consistent and refusing (CP), answering but stale (AP), or which half of each. */
    static String cap(HistoryAnalysis.ReadPath path, HistoryAnalysis.Counts minorityReads,
                      HistoryAnalysis.Counts minorityWrites, HistoryAnalysis.LostWrites lost) {
        boolean consistent = path.verdict() == RegisterChecker.Verdict.LINEARIZABLE && path.staleReads() == 0
                && lost.lost() == 0;
        boolean readsAvailable = minorityReads.n() > 0 && minorityReads.okShare() >= MOSTLY;
        boolean writesAvailable = minorityWrites.n() > 0 && minorityWrites.okShare() >= MOSTLY;
        if (minorityReads.n() == 0 && minorityWrites.n() == 0) {
            return "No operation ran during a partition: no CAP verdict";
        }
        if (consistent && !(readsAvailable && writesAvailable)) {
            return "In the seed's terms: CP (consistent; the cut-off side " + (readsAvailable ? "refused writes"
                    : writesAvailable ? "refused reads" : "refused reads and writes") + " rather than answer stale)";
        }
        if (!consistent && readsAvailable && writesAvailable) {
            return "In the seed's terms: AP (both sides answered most operations; some answers were not the latest)";
        }
        if (!consistent && readsAvailable) {
            return "In the seed's terms: AP for reads (answered locally, possibly stale), CP for writes (the cut-off "
                    + "side could not write)";
        }
        if (consistent) {
            return "Consistent and available through the partitions here: the partitions forced no choice";
        }
        return "Neither: not consistent, and the cut-off side refused operations";
    }

    private static String failures(HistoryAnalysis.Counts reads, HistoryAnalysis.Counts writes) {
        int timeouts = reads.timeout() + writes.timeout();
        int unavailable = reads.unavailable() + writes.unavailable();
        int errors = reads.error() + writes.error();
        List<String> parts = new ArrayList<>();
        if (timeouts > 0) {
            parts.add(timeouts + " timeouts");
        }
        if (unavailable > 0) {
            parts.add(unavailable + " unavailable");
        }
        if (errors > 0) {
            parts.add(errors + " other errors");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static HistoryAnalysis.Counts partitioned(HistoryAnalysis.Result r, String operation, String side) {
        return r.availability().stream().filter(row -> row.operation().equals(operation)
                        && row.when().equals(HistoryAnalysis.PARTITIONED) && row.side().equals(side))
                .map(HistoryAnalysis.AvailabilityRow::counts).findFirst()
                .orElse(new HistoryAnalysis.Counts(0, 0, 0, 0, 0, Double.NaN, Double.NaN));
    }

    private static String share(HistoryAnalysis.Result r, HistoryAnalysis.Partition p, String operation,
                                String side) {
        HistoryAnalysis.Counts counts = r.perPartition().getOrDefault(List.of(String.valueOf(p.number()), operation,
                side),
                new HistoryAnalysis.Counts(0, 0, 0, 0, 0, Double.NaN, Double.NaN));
        return counts.n() == 0 ? "none issued" : percent(counts.okShare()) + " of " + counts.n();
    }

    private static String linearizable(HistoryAnalysis.ReadPath path) {
        return switch (path.verdict()) {
            case LINEARIZABLE -> "yes";
            case NOT_LINEARIZABLE -> "**no**";
            case UNKNOWN -> "not decided";
        };
    }

    private static String violation(HistoryAnalysis.ReadPath path, HistoryAnalysis.Result r) {
        if (path.firstViolation() == null) {
            return "";
        }
        Op op = path.firstViolation();
        long origin = r.partitions().isEmpty() ? 0 : r.partitions().get(0).start();
        String state = "the register then held " + (path.violationState() == null ? "its initial absent value"
                : valueText(path.violationState().value()));
        return String.format(Locale.ROOT, "%s %s %s → %s at %+.3f s from the first cut (%s; %s)", op.client(),
                op.type(), op.key(), valueText(op.value()), (op.invoke() - origin) / 1e9, sideLabel(r, op), state);
    }

    private static String sideLabel(HistoryAnalysis.Result r, Op op) {
        HistoryAnalysis.Partition p = HistoryAnalysis.partitionOf(r.partitions(), op);
        return p == null ? "connected" : HistoryAnalysis.side(p, op) + " of partition " + p.number();
    }

    private static String valueText(String value) {
        return value == null ? "absent" : value;
    }

    private static String lost(HistoryAnalysis.LostWrites lost) {
        String text = lost.lost() + " of " + lost.acknowledged();
        if (lost.lost() > 0) {
            text += " (" + lost.lostFromMinority() + " from the minority side)";
        }
        if (lost.keysWithoutAgreement() > 0) {
            text += "; " + lost.keysWithoutAgreement() + " keys still differ between members at the end";
        }
        return text;
    }

    private static String convergence(HistoryAnalysis.Result r) {
        List<HistoryAnalysis.Partition> ps = r.partitions();
        if (ps.isEmpty()) {
            return "no partition";
        }
        if (ps.stream().anyMatch(p -> p.converged() == null)) {
            return "not converged within the wait after " + ps.stream().filter(p -> p.converged() == null).count()
                    + " of " + ps.size() + " heals";
        }
        double worst = ps.stream().mapToDouble(p -> (p.converged() - p.heal()) / 1e9).max().orElse(0);
        return "≤ " + seconds(worst) + (ps.size() > 1 ? " (worst of " + ps.size() + ")" : "");
    }

    private static String converged(HistoryAnalysis.Partition p) {
        return p.converged() == null ? "not within the wait (" + p.detail() + ")"
                : "≤ " + seconds((p.converged() - p.heal()) / 1e9);
    }

    private static List<String> unavailableRow(Outcome outcome, int width) {
        List<String> row = new ArrayList<>(List.of(outcome.system(),
                (outcome.failed() ? "**FAILED**: " : "unavailable: ") + outcome.unavailable()));
        while (row.size() < width) {
            row.add("");
        }
        return row;
    }

    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "n/a";
        }
        double p = share * 100;
        return (p > 99.5 && p < 100 ? String.format(Locale.ROOT, "%.1f", p)
                : p > 0 && p < 0.5 ? String.format(Locale.ROOT, "%.1f", p)
                : String.format(Locale.ROOT, "%.0f", p)) + " %";
    }

    static String millis(double ms) {
        return Double.isNaN(ms) ? "" : ms < 10 ? String.format(Locale.ROOT, "%.2f", ms)
                : String.format(Locale.ROOT, "%.0f", ms);
    }

    static String seconds(double s) {
        return s < 10 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }

}
