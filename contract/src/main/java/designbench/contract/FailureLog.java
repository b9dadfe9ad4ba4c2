package designbench.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code <suite>-failures.json} file every suite launcher leaves beside its results: a list of
 * {@link BenchmarkFailure}s, empty when nothing failed. Format (designbench's own, JSON): {@code [{"benchmark": "...",
 * "params": {"name": "value"}, "reason": "...", "unavailable": false}]}.
 */
public final class FailureLog {
    /** The end of a failure record's file name. */
    public static final String FILE_SUFFIX = "-failures.json";

    private FailureLog() {
    }

    /** {@code <suite>-failures.json} in a suite's output folder. */
    public static Path fileOf(Path outDir, String suite) {
        return outDir.resolve(suite + FILE_SUFFIX);
    }

    /** Writes the list (possibly empty, so that "no failures" is on record too). */
    public static void write(Path file, List<BenchmarkFailure> failures) throws IOException {
        JsonLists.write(file, failures);
    }

    /** Reads a list written by {@link #write}; a missing file means no record, which is not "no failures". */
    public static List<BenchmarkFailure> read(Path file) throws IOException {
        return JsonLists.read(file, new TypeReference<>() { }, "failure record");
    }
}
