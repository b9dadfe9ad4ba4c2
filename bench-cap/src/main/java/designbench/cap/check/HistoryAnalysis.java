package designbench.cap.check;

import designbench.cap.history.Event;
import designbench.cap.history.History;
import designbench.cap.history.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one system's history says, in the question's terms: who answered during the partitions
 * ({@link #availability}), whether each read path is linearizable and how stale its reads were
 * ({@link #readPaths}), which acknowledged writes the end state lost, and how long the members took to agree
 * after each heal ({@link #partitions}).
 * <p>
 * Definitions, all from the recorded times:
 * <ul>
 *   <li>An operation is <em>partitioned</em> when it was issued while a member was cut off; it is on the
 *       <em>minority</em> side when its client ran on the cut-off member's host, else on the <em>majority</em>
 *       side. Every other operation is <em>connected</em>: issued <em>before</em> the first partition, or
 *       <em>after</em> a <em>heal</em> (until the next partition).</li>
 *   <li>A successful read of value v is <em>stale</em> when some write of the same key had been acknowledged
 *       before the read was issued, and had itself been issued after the write of v was acknowledged: the read
 *       missed a write that certainly came later. It is behind by the number of such writes (versions) and by the
 *       time since the first of them was acknowledged (ms).</li>
 *   <li>An acknowledged write is <em>lost</em> when the key's final value (read from every member after the last
 *       heal) comes from a write that was acknowledged before this one was even issued.</li>
 * </ul>
 */
public final class HistoryAnalysis {
    public static final String BEFORE = "before";
    public static final String PARTITIONED = "partitioned";
    public static final String AFTER_HEAL = "after heal";
    public static final String MINORITY = "minority";
    public static final String MAJORITY = "majority";
    public static final String ALL = "all";

    /** One partition: who was cut off, when, and when (if) the members agreed again after the heal. */
    public record Partition(int number, String isolated, long start, long heal, Long converged, String detail) {
        public double lengthSeconds() {
            return (heal - start) / 1e9;
        }
    }

    /** Outcomes of a group of operations; latencies (ms, from intended start) of the answered ones. */
    public record Counts(int n, int ok, int timeout, int unavailable, int error, double p50, double p99) {
        public double okShare() {
            return n == 0 ? Double.NaN : (double) ok / n;
        }
    }

    /** One row of the availability table. */
    public record AvailabilityRow(String operation, String when, String side, Counts counts) {
    }

    /** One read path (writes and the reads of one mode). */
    public record ReadPath(String mode, RegisterChecker.Verdict verdict, Op firstViolation, Op violationState,
                           int okReads, int staleReads, int staleWhilePartitioned, int maxVersionsBehind,
                           double maxMillisBehind, int phantomReads) {
        public double staleShare() {
            return okReads == 0 ? Double.NaN : (double) staleReads / okReads;
        }
    }

    /** Acknowledged writes the final state lost, by the side that wrote them. */
    public record LostWrites(int acknowledged, int lost, int lostFromMinority, int keysWithoutAgreement) {
    }

    /**
     * @param perPartition outcome counts keyed by [partition number, operation label, minority or majority]
     */
    public record Result(String system, String description, List<Partition> partitions,
                         List<AvailabilityRow> availability, Map<List<String>, Counts> perPartition,
                         List<ReadPath> readPaths, LostWrites lostWrites) {
    }

    private final History history;
    private final List<Partition> partitions;

    private HistoryAnalysis(History history) {
        this.history = history;
        this.partitions = partitions(history.events());
    }

    public static Result analyse(History history) {
        HistoryAnalysis analysis = new HistoryAnalysis(history);
        String description = history.events().stream().filter(e -> Event.SYSTEM.equals(e.event()))
                .map(Event::detail).findFirst().orElse(history.system());
        return new Result(history.system(), description, analysis.partitions, analysis.availability(),
                analysis.perPartition(), analysis.readPaths(), analysis.lostWrites());
    }

    static List<Partition> partitions(List<Event> events) {
        Map<Integer, Partition> byNumber = new TreeMap<>();
        for (Event e : events) {
            Partition p = byNumber.get(e.partition());
            switch (e.event()) {
                case Event.PARTITION -> byNumber.put(e.partition(),
                        new Partition(e.partition(), e.isolated(), e.time(), Long.MAX_VALUE, null, null));
                case Event.HEAL -> byNumber.put(e.partition(),
                        new Partition(p.number(), p.isolated(), p.start(), e.time(), null, null));
                case Event.CONVERGED, Event.NOT_CONVERGED -> byNumber.put(e.partition(), new Partition(p.number(),
                        p.isolated(), p.start(), p.heal(), Event.CONVERGED.equals(e.event()) ? e.time() : null,
                        e.detail()));
                default -> {
                }
            }
        }
        return List.copyOf(byNumber.values());
    }

    /** The partition during which {@code op} was issued, or null when it was issued connected. */
    Partition partitionOf(Op op) {
        return partitionOf(partitions, op);
    }

    /** Of {@code partitions}, the one during which {@code op} was issued, or null. */
    public static Partition partitionOf(List<Partition> partitions, Op op) {
        for (Partition p : partitions) {
            if (op.invoke() >= p.start() && op.invoke() < p.heal()) {
                return p;
            }
        }
        return null;
    }

    /** before, partitioned or after heal. */
    String when(Op op) {
        if (partitionOf(op) != null) {
            return PARTITIONED;
        }
        return partitions.isEmpty() || op.invoke() < partitions.get(0).start() ? BEFORE : AFTER_HEAL;
    }

    String side(Op op) {
        return side(partitionOf(op), op);
    }

    /** minority or majority for an operation issued during partition {@code p}; all when {@code p} is null. */
    public static String side(Partition p, Op op) {
        return p == null ? ALL : p.isolated().equals(op.client()) ? MINORITY : MAJORITY;
    }

    private List<Op> workload() {
        return history.ops().stream().filter(op -> Op.WORKLOAD.equals(op.purpose())).toList();
    }

    public static String operationLabel(Op op) {
        return op.isWrite() ? "write" : "read (" + op.mode() + ")";
    }

    List<AvailabilityRow> availability() {
        List<String> phases = List.of(BEFORE, PARTITIONED, AFTER_HEAL);
        Map<List<String>, List<Op>> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> phases.indexOf(k.get(1))).thenComparing(k -> k.get(2)));
        for (Op op : workload()) {
            groups.computeIfAbsent(List.of(operationLabel(op), when(op), side(op)), k -> new ArrayList<>()).add(op);
        }
        List<AvailabilityRow> rows = new ArrayList<>();
        groups.forEach((key, ops) -> rows.add(new AvailabilityRow(key.get(0), key.get(1), key.get(2), counts(ops))));
        return rows;
    }

    Map<List<String>, Counts> perPartition() {
        Map<List<String>, List<Op>> groups = new LinkedHashMap<>();
        for (Op op : workload()) {
            Partition p = partitionOf(op);
            if (p != null) {
                groups.computeIfAbsent(List.of(String.valueOf(p.number()), operationLabel(op), side(op)),
                        k -> new ArrayList<>()).add(op);
            }
        }
        Map<List<String>, Counts> counts = new LinkedHashMap<>();
        groups.forEach((key, ops) -> counts.put(key, counts(ops)));
        return counts;
    }

    /** The outcome counts of some operations. */
    public static Counts counts(List<Op> ops) {
        Histogram latencies = new Histogram(3_600_000_000L, 3); // µs, up to an hour
        int ok = 0;
        int timeout = 0;
        int unavailable = 0;
        int error = 0;
        for (Op op : ops) {
            switch (op.result()) {
                case Op.OK -> {
                    ok++;
                    latencies.recordValue(Math.max(0, Math.round(op.latencyMillis() * 1000)));
                }
                case Op.TIMEOUT -> timeout++;
                case Op.UNAVAILABLE -> unavailable++;
                default -> error++;
            }
        }
        return new Counts(ops.size(), ok, timeout, unavailable, error,
                ok == 0 ? Double.NaN : latencies.getValueAtPercentile(50) / 1000.0,
                ok == 0 ? Double.NaN : latencies.getValueAtPercentile(99) / 1000.0);
    }

    List<ReadPath> readPaths() {
        List<Op> workload = workload();
        List<String> modes = workload.stream().filter(Op::isRead).map(Op::mode).distinct().sorted().toList();
        List<ReadPath> paths = new ArrayList<>();
        for (String mode : modes) {
            List<Op> ops = workload.stream().filter(op -> op.isWrite() || mode.equals(op.mode())).toList();
            paths.add(readPath(mode, ops));
        }
        return paths;
    }

    private ReadPath readPath(String mode, List<Op> ops) {
        Map<String, List<Op>> byKey = ops.stream().collect(Collectors.groupingBy(Op::key, TreeMap::new,
                Collectors.toList()));
        RegisterChecker.Verdict verdict = RegisterChecker.Verdict.LINEARIZABLE;
        Op first = null;
        Op state = null;
        int okReads = 0;
        int stale = 0;
        int staleWhilePartitioned = 0;
        int maxVersions = 0;
        double maxMillis = 0;
        int phantoms = 0;
        for (List<Op> keyOps : byKey.values()) {
            RegisterChecker.Result result = RegisterChecker.check(keyOps);
            if (result.verdict() == RegisterChecker.Verdict.NOT_LINEARIZABLE) {
                verdict = RegisterChecker.Verdict.NOT_LINEARIZABLE;
                if (first == null || result.unplaced().complete() < first.complete()) {
                    first = result.unplaced();
                    state = result.lastPlaced();
                }
            } else if (result.verdict() == RegisterChecker.Verdict.UNKNOWN
                    && verdict == RegisterChecker.Verdict.LINEARIZABLE) {
                verdict = RegisterChecker.Verdict.UNKNOWN;
            }
            List<Op> writes = keyOps.stream().filter(Op::isWrite).toList();
            Map<String, Op> writeOf = writes.stream().collect(Collectors.toMap(Op::value, Function.identity(),
                    (a, b) -> a, HashMap::new));
            for (Op read : keyOps) {
                if (!read.isRead() || !read.ok()) {
                    continue;
                }
                okReads++;
                Op source = read.value() == null ? null : writeOf.get(read.value());
                if (read.value() != null && source == null) {
                    phantoms++;
                    continue;
                }
                long sourceAcknowledged = source == null ? Long.MIN_VALUE
                        : source.indeterminate() ? Long.MAX_VALUE : source.complete();
                int versions = 0;
                long firstNewer = Long.MAX_VALUE;
                for (Op w : writes) {
                    if (w.ok() && w.invoke() > sourceAcknowledged && w.complete() < read.invoke()) {
                        versions++;
                        firstNewer = Math.min(firstNewer, w.complete());
                    }
                }
                if (versions > 0) {
                    stale++;
                    if (partitionOf(read) != null) {
                        staleWhilePartitioned++;
                    }
                    maxVersions = Math.max(maxVersions, versions);
                    maxMillis = Math.max(maxMillis, (read.invoke() - firstNewer) / 1e6);
                }
            }
        }
        return new ReadPath(mode, verdict, first, state, okReads, stale, staleWhilePartitioned, maxVersions,
                maxMillis, phantoms);
    }

    LostWrites lostWrites() {
        Map<String, List<String>> finals = new LinkedHashMap<>();
        for (Op op : history.ops()) {
            if (Op.FINAL.equals(op.purpose()) && op.ok()) {
                finals.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op.value());
            }
        }
        List<Op> writes = workload().stream().filter(Op::isWrite).toList();
        int acknowledged = (int) writes.stream().filter(Op::ok).count();
        int lost = 0;
        int lostFromMinority = 0;
        int disagreements = 0;
        for (Map.Entry<String, List<String>> key : finals.entrySet()) {
            List<String> values = key.getValue();
            if (values.stream().distinct().count() > 1) {
                disagreements++;
            }
            // The value most members hold (all of them, once converged).
            String finalValue = values.stream().collect(Collectors.groupingBy(v -> Objects.toString(v, ""),
                    Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).filter(v -> !v.isEmpty()).orElse(null);
            Op source = finalValue == null ? null : writes.stream().filter(w -> finalValue.equals(w.value()))
                    .findFirst().orElse(null);
            long sourceAcknowledged = source == null ? Long.MIN_VALUE
                    : source.indeterminate() ? Long.MAX_VALUE : source.complete();
            for (Op w : writes) {
                if (w.key().equals(key.getKey()) && w.ok() && w.invoke() > sourceAcknowledged) {
                    lost++;
                    if (MINORITY.equals(side(w))) {
                        lostFromMinority++;
                    }
                }
            }
        }
        return new LostWrites(acknowledged, lost, lostFromMinority, disagreements);
    }
}
