package designbench.results.write;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.results.env.Environment;
import designbench.results.table.QuestionTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsIndexWriterTest {
    @TempDir
    Path resultsDir;

    private void writeRun(String machineId, String runId, String csv) throws IOException {
        Environment base = SummaryWriterGoldenTest.fixedEnvironment();
        Environment env = new Environment(machineId, base.machine(), base.jvm(), base.components(), base.git(),
                new Environment.Run(runId, base.run().profile(), ".*", base.run().startedAt(), base.run().endedAt()));
        Path folder = resultsDir.resolve("runs").resolve(machineId).resolve(runId);
        Files.createDirectories(folder);
        new ObjectMapper().writeValue(folder.resolve("environment.json").toFile(), env);
        Files.writeString(folder.resolve("summary.csv"), csv);
    }

    @Test
    void eachMachineGetsAColumnFromItsLatestRun() throws Exception {
        List<QuestionTable> tables = SummaryWriterGoldenTest.fixtureTables();
        String csv = SummaryWriter.csv(tables, List.of());
        writeRun("epyc-2c-24g", "2026-11-28T04-00-00Z", csv.replace("164.73831534550376", "999.0"));
        writeRun("epyc-2c-24g", "2026-11-28T05-00-00Z", csv);
        writeRun("xeon-8481c-4c-16g", "2026-11-20T10-00-00Z", csv);
        // An unfinished run: hidden, and without summary.csv; it must not count.
        Files.createDirectories(resultsDir.resolve("runs/xeon-8481c-4c-16g/.2026-11-29T00-00-00Z.incomplete"));

        Path index = resultsDir.resolve("README.md");
        ResultsIndexWriter.write(resultsDir.resolve("runs"), index);
        String readme = Files.readString(index);

        assertTrue(readme.contains("| benchmark | params | unit | epyc-2c-24g | xeon-8481c-4c-16g |"), readme);
        assertTrue(readme.contains("[2026-11-28T05-00-00Z](runs/epyc-2c-24g/2026-11-28T05-00-00Z/summary.md)"),
                readme);
        assertTrue(readme.contains("| ThreadStartBench.startAndJoin | threadKind=PLATFORM | us/op | 165 ± 209 (1.00) "
                + "| 165 ± 209 (1.00) |"), readme);
        assertFalse(readme.contains("999"), "the older run of a machine must not be shown: " + readme);
        assertTrue(readme.contains("**FAILED**: java.lang.IllegalStateException: hand-off lost tokens"), readme);
        assertTrue(readme.contains("| 2 |"), "epyc has two finished runs: " + readme);
        assertFalse(readme.contains("incomplete"), readme);
    }

    @Test
    void noRunsYetSaysHowToMakeOne() throws IOException {
        String readme = ResultsIndexWriter.render(resultsDir.resolve("runs"), resultsDir);
        assertTrue(readme.contains("No runs yet"), readme);
    }
}
