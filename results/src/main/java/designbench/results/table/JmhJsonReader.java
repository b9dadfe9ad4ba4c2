package designbench.results.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.contract.ThreadSweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON JMH writes with {@code -rf json} into {@link Measurement}s. */
public final class JmhJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJsonReader() {
    }

    /** All rows of one JMH JSON file; a file that is not JMH's array of results is an error, never skipped. */
    public static List<Measurement> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH JSON result (expected an array)");
        }
        List<Measurement> rows = new ArrayList<>();
        for (JsonNode result : root) {
            JsonNode primary = required(result, "primaryMetric", file);
            Map<String, String> params = params(result.get("params"));
            addSweepParams(result, params);
            rows.add(Measurement.measured(
                    required(result, "benchmark", file).asText(),
                    required(result, "mode", file).asText(),
                    params,
                    number(required(primary, "score", file)),
                    number(primary.get("scoreError")),
                    required(primary, "scoreUnit", file).asText()).withRunLength(RunLength.of(result)));
        }
        return rows;
    }

    static Map<String, String> params(JsonNode params) {
        Map<String, String> map = new LinkedHashMap<>();
        if (params != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), field.getValue().asText());
            }
        }
        return map;
    }

    /**
     * A benchmark run in a thread sweep (see JmhSuiteMain) carries its worker-thread executor as a fork flag; its
     * thread kind and thread count become row parameters, so that each cell of the sweep is a row of its own.
     */
    static void addSweepParams(JsonNode result, Map<String, String> params) {
        JsonNode jvmArgs = result.get("jvmArgs");
        if (jvmArgs == null) {
            return;
        }
        for (JsonNode arg : jvmArgs) {
            String text = arg.asText();
            if (text.startsWith(ThreadSweep.EXECUTOR_FLAG)) {
                params.putAll(ThreadSweep.rowParams(text.substring(ThreadSweep.EXECUTOR_FLAG.length()),
                        result.path("threads").asInt(1)));
            }
        }
    }

    /** JMH writes NaN as the string "NaN" (for example the error of a single iteration). */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
    }

    private static JsonNode required(JsonNode node, String field, Path file) throws IOException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IOException(file + ": a result has no '" + field + "'");
        }
        return value;
    }
}
