package designbench.results.write;

import designbench.results.table.Measurement;
import designbench.results.table.Numbers;
import designbench.results.table.QuestionTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A question's rows pivoted into a scaling table: one row per variant (say, lock strategy and read share), one
 * column per value of the question's column parameter (say, thread count), each cell the score ± error with
 * its ratio to the baseline in the same column. Thread counts above the core count are marked oversubscribed.
 */
final class ScalingTable {
    private ScalingTable() {
    }

    static void appendTo(StringBuilder out, QuestionTable table, int logicalCores) {
        String column = table.question().columnParam();
        Set<String> columnValues = new TreeSet<>(Comparator.comparingLong(ScalingTable::numericOrMax)
                .thenComparing(Comparator.naturalOrder()));
        Map<String, Map<String, QuestionTable.Row>> rows = new LinkedHashMap<>();
        Map<String, String> unavailableReasons = new LinkedHashMap<>();
        String unit = "";
        for (QuestionTable.Row row : table.rows()) {
            Measurement m = row.measurement();
            String value = m.params().getOrDefault(column, "");
            columnValues.add(value);
            String others = m.paramsLabelWithout(column);
            String rowKey = m.shortName() + "\u0000" + others;
            rows.computeIfAbsent(rowKey, k -> new LinkedHashMap<>()).put(value, row);
            if (!m.failed()) {
                unit = m.unit();
            } else if (m.unavailable()) {
                // One note per variant of the compared parameter (say, lock=LONG_ADDER), not per cell.
                String variant = table.question().hasBaseline()
                        ? table.question().baselineParam() + "=" + m.params().get(table.question().baselineParam())
                        : others;
                unavailableReasons.putIfAbsent(variant, m.failureReason());
            }
        }

        List<String> header = new ArrayList<>(List.of("benchmark", "params"));
        for (String value : columnValues) {
            header.add(columnHeading(column, value, logicalCores));
        }
        MarkdownTable markdown = new MarkdownTable(header);
        for (Map.Entry<String, Map<String, QuestionTable.Row>> entry : rows.entrySet()) {
            String[] key = entry.getKey().split("\u0000", -1);
            List<String> cells = new ArrayList<>(List.of(key[0], key[1]));
            for (String value : columnValues) {
                QuestionTable.Row row = entry.getValue().get(value);
                cells.add(row == null ? "" : cell(row, table.question().referenceLabel()));
            }
            markdown.row(cells);
        }
        out.append("Cells: ").append(unit.isEmpty() ? "score" : unit).append(" ± error (ratio to ")
                .append(table.question().baselineLabel()).append(" in the same column")
                .append(table.question().hasReference() ? "; " + table.question().referenceLabel()
                        + ": the ratio to the row's reference in the same column" : "").append(").\n\n");
        markdown.appendTo(out);
        if (!unavailableReasons.isEmpty()) {
            out.append('\n');
            unavailableReasons.forEach((variant, reason) ->
                    out.append("- ").append(variant).append(": unavailable: ").append(reason).append('\n'));
        }
    }

    private static String cell(QuestionTable.Row row, String referenceLabel) {
        Measurement m = row.measurement();
        if (m.failed()) {
            return m.unavailable() ? "unavailable" : "**FAILED**: " + m.failureReason();
        }
        String reference = row.referenceRatio() == null ? ""
                : "; " + referenceLabel + " " + Numbers.ratio(row.referenceRatio());
        String ratio = row.ratio() == null && reference.isEmpty() ? ""
                : " (" + (row.ratio() == null ? "n/a" : SummaryWriter.ratioCell(row)) + reference + ")";
        return Numbers.format(m.score()) + " ± " + Numbers.format(m.error()) + ratio;
    }

    private static String columnHeading(String column, String value, int logicalCores) {
        if (!"threads".equals(column)) {
            return column + "=" + value;
        }
        long threads = numericOrMax(value);
        String heading = value + (threads == 1 ? " thread" : " threads");
        return threads > logicalCores ? heading + " (> " + logicalCores + " cores)" : heading;
    }

    private static long numericOrMax(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
