package designbench.results.table;

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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StressResultLog() {
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
