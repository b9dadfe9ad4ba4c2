package designbench.results.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.contract.Environment;
import designbench.contract.FailureLog;
import designbench.contract.LoadRunRow;
import designbench.contract.StressResultLog;
import designbench.contract.SuiteTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The measured iterations behind each row of a JMH JSON file ({@code primaryMetric.rawData}: one list of iteration
 * scores per fork), or the load runs behind a scenario row, keyed as summary.csv names its rows, for tests of
 * significance between runs.
 */
public final class RawSamples {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The row's key as summary.csv names it: short benchmark name, mode and the params cell. */
    public record Key(String benchmark, String mode, String params) {
    }

    private RawSamples() {
    }

    /**
     * The samples of every results file of a run folder: each JMH JSON file and each load-run suite's rows (beside
     * them lie the environment, failure, jcstress results and tables files, which hold none).
     */
    public static Map<Key, List<double[]>> readFolder(Path folder) throws IOException {
        Map<Key, List<double[]>> samples = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(LoadRunRow.FILE_SUFFIX)) {
                    samples.putAll(LoadRunRows.samples(LoadRunRow.read(file)));
                } else if (name.endsWith(".json") && !name.equals(Environment.FILE_NAME)
                        && !name.endsWith(FailureLog.FILE_SUFFIX) && !name.endsWith(StressResultLog.FILE_SUFFIX)
                        && !name.endsWith(SuiteTables.FILE_SUFFIX)) {
                    samples.putAll(read(file));
                }
            }
        }
        return samples;
    }

    /** Per row of a JMH JSON file, its iterations fork by fork (for runs before 2026-12-03 also the proxy's rows). */
    public static Map<Key, List<double[]>> read(Path jmhJson) throws IOException {
        JsonNode root = JSON.readTree(jmhJson.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(jmhJson + " is not a JMH JSON result (expected an array)");
        }
        Map<Key, List<double[]>> samples = new LinkedHashMap<>();
        for (JsonNode result : root) {
            Map<String, String> params = JmhJsonReader.params(result.get("params"));
            JmhJsonReader.addSweepParams(result, params);
            String label = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            List<double[]> forks = new ArrayList<>();
            for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
                double[] iterations = new double[fork.size()];
                for (int i = 0; i < fork.size(); i++) {
                    iterations[i] = fork.get(i).asDouble();
                }
                if (iterations.length > 0) {
                    forks.add(iterations);
                }
            }
            samples.put(new Key(Measurement.shortName(result.path("benchmark").asText()), result.path("mode").asText(),
                    label), forks);
        }
        return samples;
    }
}
