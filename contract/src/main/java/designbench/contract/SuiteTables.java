package designbench.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * The file {@code <suite>-tables.json} that a table suite leaves in the run folder: tables whose cells the suite
 * computed itself, each with the verdict sentences that answer its question, for results to show as they are.
 * <p>
 * Format (designbench's own, JSON): {@code {"suite": "cap", "timing": "...", "tables": [{"id": "cap-availability",
 * "title": "...", "verdicts": ["..."], "columns": ["..."], "rows": [["..."]], "notes": ["..."]}]}}. Every row has
 * exactly as many cells as the table has columns; a cell is text, already formatted with its unit.
 *
 * @param suite  the suite's short name (its files in the run folder start with it)
 * @param timing what the suite really ran, in one line (partitions, rates, timeouts): the tables' heading
 * @param tables the tables, in the order a reader should see them
 */
public record SuiteTables(String suite, String timing, List<Table> tables) {

    /** The resource naming a table suite's main class and leading arguments, one line. */
    public static final String LAUNCHER_RESOURCE = SuiteLaunch.RESOURCE_FOLDER + "table-suite";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public SuiteTables {
        Objects.requireNonNull(suite, "suite");
        timing = timing == null ? "" : timing;
        tables = List.copyOf(tables);
    }

    /**
     * One table.
     *
     * @param id       its id in summary.md and results/README.md, e.g. cap-availability
     * @param title    the question it answers
     * @param verdicts sentences with the numbers that answer the question, generated from the rows' data
     * @param columns  the column headings, with units
     * @param rows     the cells, row by row
     * @param notes    how to read the columns, one sentence each
     */
    public record Table(String id, String title, List<String> verdicts, List<String> columns,
                        List<List<String>> rows, List<String> notes) {
        public Table {
            Objects.requireNonNull(id, "id");
            verdicts = List.copyOf(verdicts == null ? List.of() : verdicts);
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            notes = List.copyOf(notes == null ? List.of() : notes);
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("table " + id + ": a row has " + row.size()
                            + " cells for " + columns.size() + " columns: " + row);
                }
            }
        }
    }

    /** The end of a tables file's name. */
    public static final String FILE_SUFFIX = "-tables.json";

    /** The file name of a suite's tables in its run folder. */
    public static String fileName(String suite) {
        return suite + FILE_SUFFIX;
    }

    /** Writes the tables whole or not at all: into a temporary file beside {@code file}, then renamed over it. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads a file {@link #write} wrote; a malformed one is an IOException naming the file. */
    public static SuiteTables read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), SuiteTables.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + " is not a designbench tables file: " + e.getMessage(), e);
        }
    }
}
