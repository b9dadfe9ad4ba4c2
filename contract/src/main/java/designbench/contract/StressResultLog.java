package designbench.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code <suite>-results.json} file a jcstress suite launcher leaves beside jcstress's own report: each
 * test's outcomes, read from jcstress's result file with jcstress's own reader.
 */
public final class StressResultLog {
    /** The end of the file's name. */
    public static final String FILE_SUFFIX = "-results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StressResultLog() {
    }

    /** {@code <suite>-results.json} in a suite's output folder. */
    public static Path fileOf(Path outDir, String suite) {
        return outDir.resolve(suite + FILE_SUFFIX);
    }

    public static void write(Path file, List<StressTestResult> results) throws IOException {
        JSON.writeValue(file.toFile(), results);
    }

    public static List<StressTestResult> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no jcstress results at " + file + ": did the suite launcher finish?");
        }
        return JSON.readValue(file.toFile(), new TypeReference<>() { });
    }
}
