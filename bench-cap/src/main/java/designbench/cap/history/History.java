package designbench.cap.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The history of one system's run: its operations and the orchestrator's events, kept in the run folder as two
 * JSON-lines files, {@code <system>-ops.jsonl} and {@code <system>-events.jsonl}, one {@link Op} or {@link Event}
 * per line, so that the checker's result can be reproduced from them.
 *
 * @param system the system's name, e.g. etcd
 * @param ops    every operation, ordered by invocation
 * @param events the partitions, heals and convergence polls, in time order
 */
public record History(String system, List<Op> ops, List<Event> events) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public History {
        ops = ops.stream().sorted(Comparator.comparingLong(Op::invoke)).toList();
        events = events.stream().sorted(Comparator.comparingLong(Event::time)).toList();
    }

    public static Path opsFile(Path dir, String system) {
        return dir.resolve(system + "-ops.jsonl");
    }

    public static Path eventsFile(Path dir, String system) {
        return dir.resolve(system + "-events.jsonl");
    }

    /** Writes both files into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeLines(opsFile(dir, system), ops);
        writeLines(eventsFile(dir, system), events);
    }

    /** Reads the history {@link #write} left in {@code dir}; a malformed line is an error naming file and line. */
    public static History read(Path dir, String system) throws IOException {
        return new History(system, readLines(opsFile(dir, system), Op.class),
                readLines(eventsFile(dir, system), Event.class));
    }

    /** The systems whose histories are in {@code dir}, by their ops files. */
    public static List<String> systemsIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("-ops.jsonl"))
                    .map(n -> n.substring(0, n.length() - "-ops.jsonl".length())).sorted().toList();
        }
    }

    /** Appends one record as a line: what each client does as its operations complete. */
    public static void appendLine(BufferedWriter out, Object record) throws IOException {
        out.write(JSON.writeValueAsString(record));
        out.newLine();
    }

    private static void writeLines(Path file, List<?> records) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (Object record : records) {
                appendLine(out, record);
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
        List<T> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readValue(line, type));
                } catch (IOException e) {
                    throw new IOException(file + " line " + number + " is not a " + type.getSimpleName() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return records;
    }
}
