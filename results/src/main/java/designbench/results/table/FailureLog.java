package designbench.results.table;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code <suite>-failures.json} file a suite launcher leaves beside JMH's JSON: a list of failures. */
public final class FailureLog {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FailureLog() {
    }

    /** Writes the list (possibly empty, so that "no failures" is on record too). */
    public static void write(Path file, List<BenchmarkFailure> failures) throws IOException {
        JSON.writeValue(file.toFile(), failures);
    }

    /** Reads a list written by {@link #write}; a missing file means no record, which is not "no failures". */
    public static List<BenchmarkFailure> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no failure record at " + file + ": did the suite launcher finish?");
        }
        return JSON.readValue(file.toFile(), new TypeReference<>() { });
    }
}
