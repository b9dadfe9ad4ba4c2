package designbench.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import designbench.contract.Environment;
import designbench.results.table.JmhJsonReader;
import designbench.results.table.Sampled;
import designbench.results.table.Significance;
import designbench.results.table.SummaryBuilder;
import designbench.results.write.SummaryWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void theMannWhitneyPathGivesTheTextbookNormalApproximation() {
        // No overlap, 4 against 4: U = 16 of 16, E[U] = 8, Var[U] = 4·4·9/12 = 12, z = 8/√12 = 2.309, p = 0.0209.
        double p = new MannWhitneyUTest().mannWhitneyUTest(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8});
        assertEquals(0.0209, p, 0.0001);
        assertEquals(16, new MannWhitneyUTest().mannWhitneyU(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}));
    }

    @Test
    void aChangeCountsOnlyWhenSignificantAndAboveTheNoise() {
        assertEquals("~", Significance.change(100, 101, 0.001, true, 0.02), "1 % is below the noise threshold");
        assertEquals("~", Significance.change(100, 150, 0.2, true, 0.02), "p ≥ 0.05");
        assertEquals("better", Significance.change(100, 110, 0.01, true, 0.02), "more throughput");
        assertEquals("worse", Significance.change(100, 110, 0.01, false, 0.02), "more time per operation");
        assertEquals("better", Significance.change(100, 90, 0.01, false, 0.02), "less time per operation");
    }

    @Test
    void forksThatDisagreeMakeTheForkTheUnit() {
        Sampled apart = Sampled.of(List.of(new double[] {10, 10.1, 9.9, 10}, new double[] {20, 20.1, 19.9, 20}));
        assertEquals("forks", apart.unit());
        assertEquals(2, apart.n());
        Sampled together = Sampled.of(List.of(new double[] {10, 12, 9, 11}, new double[] {11, 9, 12, 10}));
        assertEquals("iterations", together.unit());
        assertEquals(8, together.n());
    }

    @Test
    void aRowScaledUpIsFoundAndTheRestAreNoClearChange() throws Exception {
        Path a = run("a", fixedEnvironment("25.0.3+9-LTS"), 1.0);
        Path b = run("b", fixedEnvironment("25.0.3+9-LTS"), 1.3);
        RunComparison.Result result = RunComparison.compare(RunComparison.load(a), RunComparison.load(b), 0.02);
        assertEquals(12, result.rows().size());
        RunComparison.Row scaled = result.rows().stream()
                .filter(r -> r.key().params().equals("messageBytes=64 placement=ONE_CPU transport=NIO_TCP")
                        && r.key().benchmark().equals("RequestResponseBench.request")).findFirst().orElseThrow();
        assertEquals(1.3, scaled.ratio(), 1e-9);
        assertEquals("better", scaled.verdict(), "30 % more requests/s, every iteration above: " + scaled);
        assertTrue(result.rows().stream().filter(r -> r != scaled).allMatch(r -> r.verdict().equals("~")
                || r.verdict().equals(Significance.TOO_FEW)), result.rows().toString());
        assertTrue(result.sameJdk());

        Path written = ComparisonWriter.write(result, dir.resolve("comparisons"));
        String md = Files.readString(written.resolve("comparison.md"));
        assertFalse(md.contains("Different JDKs"), md);
        assertTrue(md.contains("| RequestResponseBench.request | messageBytes=64 placement=ONE_CPU transport=NIO_TCP |"),
                md);
        assertTrue(Files.readString(written.resolve("comparison.csv")).startsWith(
                String.join(",", ComparisonWriter.CSV_COLUMNS)));
        assertTrue(md.contains("![each row's change](comparison.png)"), md);
        assertTrue(Files.size(written.resolve("comparison.png")) > 1000, "the deltas chart is drawn");
        assertTrue(Files.readString(written.resolve("comparison.svg")).contains("<svg"));
        assertTrue(scaled.changeHalfWidthPercent() > 0 && scaled.changeHalfWidthPercent() < 30,
                "an interval from the samples: " + scaled.changeHalfWidthPercent());
        try (var files = Files.list(dir.resolve("comparisons"))) {
            assertEquals(1, files.count(), "no staging folder left behind");
        }
    }

    @Test
    void aNoiseThresholdAboveTheChangeMakesItNoClearChange() throws Exception {
        Path a = run("a", fixedEnvironment("25.0.3+9-LTS"), 1.0);
        Path b = run("b", fixedEnvironment("25.0.3+9-LTS"), 1.3);
        RunComparison.Result result = RunComparison.compare(RunComparison.load(a), RunComparison.load(b),
                Significance.noise("0.5"));
        assertTrue(result.rows().stream().noneMatch(r -> r.verdict().equals("better")),
                "a 30 % change under a 50 % threshold: " + result.rows());
        assertEquals(0.3, Significance.noise(" 0.3 "));
        for (String bad : List.of("30", "-0.1", "1", "thirty")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Significance.noise(bad));
            assertTrue(refused.getMessage().contains("give a fraction"), refused.getMessage());
        }
    }

    @Test
    void differentJdksAreComparedButFlagged() throws Exception {
        Path a = run("a", fixedEnvironment("21.0.5+11-LTS"), 1.0);
        Path b = run("b", fixedEnvironment("25.0.3+9-LTS"), 1.0);
        RunComparison.Result result = RunComparison.compare(RunComparison.load(a), RunComparison.load(b), 0.02);
        assertFalse(result.sameJdk());
        assertTrue(ComparisonWriter.markdown(result, dir).contains("> **Different JDKs** (21.0.5+11-LTS and "
                + "25.0.3+9-LTS)"));
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RunComparison.load(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("is not a finished run folder"), missing.getMessage());
        Path a = run("a", fixedEnvironment("25.0.3+9-LTS"), 1.0);
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("summary.csv"), String.join(",", SummaryWriter.CSV_COLUMNS) + "\n");
        JSON.writeValue(empty.resolve("environment.json").toFile(), fixedEnvironment("25.0.3+9-LTS"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RunComparison.compare(RunComparison.load(a), RunComparison.load(empty), 0.02));
        assertTrue(none.getMessage().contains("no measured row in common"), none.getMessage());
    }

    /** A run folder from the golden IPC fixture, with the first row's iterations multiplied by {@code scale}. */
    private Path run(String name, Environment env, double scale) throws IOException, URISyntaxException {
        Path folder = Files.createDirectories(dir.resolve(name));
        ArrayNode results = (ArrayNode) JSON.readTree(
                Path.of(RunComparisonTest.class.getResource("/golden/ipc.json").toURI()).toFile());
        ObjectNode first = (ObjectNode) results.get(0);
        ObjectNode primary = (ObjectNode) first.get("primaryMetric");
        primary.put("score", primary.get("score").asDouble() * scale);
        for (JsonNode fork : primary.get("rawData")) {
            for (int i = 0; i < fork.size(); i++) {
                ((ArrayNode) fork).set(i, fork.get(i).asDouble() * scale);
            }
        }
        Path json = folder.resolve("ipc.json");
        JSON.writeValue(json.toFile(), results);
        Files.writeString(folder.resolve("summary.csv"), SummaryWriter.csv(env, SummaryBuilder.build(
                JmhJsonReader.read(json)), List.of()));
        JSON.writeValue(folder.resolve("environment.json").toFile(), env);
        return folder;
    }

    private static Environment fixedEnvironment(String jdk) {
        Environment base = designbench.results.write.GoldenEnvironment.get();
        Environment.Jvm jvm = base.jvm();
        return new Environment(base.machineId(), base.machine(), new Environment.Jvm(jvm.vendor(), jvm.vmName(),
                jvm.version(), jdk, jvm.javaHome(), jvm.forkFlags(), jvm.garbageCollector()), base.components(),
                base.git(), base.run());
    }
}
