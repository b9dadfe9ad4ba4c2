package designbench.contract;

import java.util.List;

/**
 * A {@link SuiteTables} as Markdown: per table a heading, its verdicts as a list, the table, and its notes. The one
 * rendering both summary.md and a suite's own {@code check} command print, so they cannot drift apart.
 */
public final class SuiteTablesMarkdown {
    private SuiteTablesMarkdown() {
    }

    /** Every table, each under a heading of the given level ({@code "##"}); the timing line under the first. */
    public static String render(SuiteTables tables, String headingLevel) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (SuiteTables.Table table : tables.tables()) {
            out.append('\n').append(headingLevel).append(' ').append(table.id()).append(": ").append(table.title())
                    .append("\n\n");
            if (first && !tables.timing().isEmpty()) {
                out.append("Profile ").append(tables.timing()).append(" (for all the ").append(tables.suite())
                        .append(" tables below).\n\n");
            }
            first = false;
            render(table, out);
        }
        return out.toString();
    }

    /** One table's verdicts, rows and notes. */
    public static void render(SuiteTables.Table table, StringBuilder out) {
        for (String verdict : table.verdicts()) {
            out.append("- ").append(verdict).append('\n');
        }
        if (!table.verdicts().isEmpty()) {
            out.append('\n');
        }
        row(table.columns(), out);
        out.append('|');
        table.columns().forEach(c -> out.append("---|"));
        out.append('\n');
        table.rows().forEach(r -> row(r, out));
        if (!table.notes().isEmpty()) {
            out.append('\n');
            table.notes().forEach(n -> out.append("- ").append(n).append('\n'));
        }
    }

    private static void row(List<String> cells, StringBuilder out) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        out.append('\n');
    }
}
