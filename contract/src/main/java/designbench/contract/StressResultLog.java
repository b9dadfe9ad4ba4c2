package designbench.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code <suite>-results.json} file a jcstress suite launcher leaves beside jcstress's own report: each
 * test's outcomes, read from jcstress's result file with jcstress's own reader.
 */
public final class StressResultLog {
    /** The end of the file's name. */
    public static final String FILE_SUFFIX = "-results.json";

    private StressResultLog() {
    }

    /** {@code <suite>-results.json} in a suite's output folder. */
    public static Path fileOf(Path outDir, String suite) {
        return outDir.resolve(suite + FILE_SUFFIX);
    }

    public static void write(Path file, List<StressTestResult> results) throws IOException {
        JsonLists.write(file, results);
    }

    public static List<StressTestResult> read(Path file) throws IOException {
        return JsonLists.read(file, new TypeReference<>() { }, "jcstress results");
    }
}
