package designbench.results.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import designbench.contract.Environment;
import designbench.results.table.Measurement;
import designbench.results.table.Numbers;
import designbench.results.table.QuestionTable;
import designbench.results.table.RawSamples;
import designbench.results.table.SummaryBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsIndexWriterTest {
    @TempDir
    Path resultsDir;

    private void writeRun(String machineId, String runId, String csv) throws IOException {
        writeRun(machineId, runId, csv, SummaryWriterGoldenTest.fixedEnvironment().run().profile());
    }

    private void writeRun(String machineId, String runId, String csv, String profile) throws IOException {
        Environment base = SummaryWriterGoldenTest.fixedEnvironment();
        Environment env = new Environment(machineId, base.machine(), base.jvm(), base.components(), base.git(),
                new Environment.Run(runId, profile, ".*", base.run().startedAt(), base.run().endedAt(), null, null));
        Path folder = resultsDir.resolve("runs").resolve(machineId).resolve(runId);
        Files.createDirectories(folder);
        new ObjectMapper().writeValue(folder.resolve("environment.json").toFile(), env);
        Files.writeString(folder.resolve("summary.csv"), csv);
    }

    @Test
    void eachMachineGetsAColumnFromItsLatestRun() throws Exception {
        List<QuestionTable> tables = SummaryWriterGoldenTest.fixtureTables();
        String csv = SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(), tables, List.of());
        writeRun("epyc-2c-24g", "2026-11-28T04-00-00Z", csv.replace("164.73831534550376", "999.0"));
        writeRun("epyc-2c-24g", "2026-11-28T05-00-00Z", csv);
        writeRun("xeon-8481c-4c-16g", "2026-11-20T10-00-00Z", csv);
        // A newer run on xeon that answered only the pinning question (made with -Dbench.include).
        String pinningOnly = csv.lines().filter(line -> line.startsWith("question,") || line.startsWith("threads-pinning"))
                .map(line -> line.replace("1.2870310404540504", "7.0")).reduce("", (a, b) -> a + b + "\n");
        writeRun("xeon-8481c-4c-16g", "2026-11-21T10-00-00Z", pinningOnly);
        // An unfinished run: hidden, and without summary.csv; it must not count.
        Files.createDirectories(resultsDir.resolve("runs/xeon-8481c-4c-16g/.2026-11-29T00-00-00Z.incomplete"));

        Path index = resultsDir.resolve("README.md");
        ResultsIndexWriter.write(resultsDir.resolve("runs"), index);
        String readme = Files.readString(index);

        assertTrue(readme.contains("| benchmark | params | unit | epyc-2c-24g | xeon-8481c-4c-16g | xeon-8481c-4c-16g / "
                + "epyc-2c-24g |"), readme);
        assertTrue(readme.contains("[2026-11-28T05-00-00Z](runs/epyc-2c-24g/2026-11-28T05-00-00Z/summary.md)"),
                readme);
        assertTrue(readme.contains("| ThreadStartBench.startAndJoin | threadKind=PLATFORM | us/op | **1.00** (165 ± 209, n=3) "
                + "| **1.00** (165 ± 209, n=3) | 1.00 ? |"), "ratio first; no raw samples, so no test: " + readme);
        assertFalse(readme.contains("999"), "the older run of a machine must not be shown: " + readme);
        assertTrue(readme.contains("| PinningBench.burst | blockMillis=1 lock=SYNCHRONIZED taskCount=100 | ms/op "
                + "| **0.97** ? (1.29 ± 0.169, n=3) | **0.97** ? (7.00 ± 0.169, n=3) | 5.44 ? |"),
                "xeon's newest run answers pinning: " + readme);
        assertTrue(readme.contains("From: epyc-2c-24g [2026-11-28T05-00-00Z](runs/epyc-2c-24g/2026-11-28T05-00-00Z/"
                + "summary.md) (quick), xeon-8481c-4c-16g [2026-11-20T10-00-00Z]"),
                "a partial newer run must not hide the older answer to another question: " + readme);
        assertTrue(readme.contains("**FAILED**: java.lang.IllegalStateException: hand-off lost tokens"), readme);
        assertTrue(readme.contains("| quick | 2 |"), "each machine has two finished runs: " + readme);
        assertFalse(readme.contains("incomplete"), readme);
        // The Answers table: a verdict per question and machine, from the run the question's table shows. The run
        // folders hold no JMH JSON here, so nothing is tested, and the verdict says so.
        assertTrue(readme.indexOf("## Answers") < readme.indexOf("## threads-start"), readme);
        assertTrue(readme.contains("| **threads-pinning**: On this JDK, does blocking inside synchronized still pin "
                + "a virtual thread to its carrier? | `lock=SYNCHRONIZED` has the best score in 1 of 1 setting (not "
                + "tested: too few samples per row). 1.29 against 1.32 ms/op for `lock=REENTRANT_LOCK`, 2.7 % less time "
                + "(n=1 vs 1, not tested). ([2026-11-28T05-00-00Z]"), readme);
        assertTrue(readme.contains("| `lock=REENTRANT_LOCK`, the baseline, has the best score in 1 of 1 setting (not "
                + "tested: too few samples per row). The closest, `lock=SYNCHRONIZED`, 7.00 against 1.32 ms/op, 5.29× "
                + "its time (n=1 vs 1, not tested). ([2026-11-21T10-00-00Z]"), "xeon's newest run: " + readme);
    }

    @Test
    void aNewerQuickRunDoesNotHideAStandardRun() throws Exception {
        String csv = SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(), SummaryWriterGoldenTest.fixtureTables(), List.of());
        writeRun("epyc-2c-24g", "2026-11-28T04-00-00Z", csv, "standard: 2 forks");
        writeRun("epyc-2c-24g", "2026-11-28T05-00-00Z", csv.replace("164.73831534550376", "999.0"), "quick: 1 fork");

        Path index = resultsDir.resolve("README.md");
        ResultsIndexWriter.write(resultsDir.resolve("runs"), index);
        String readme = Files.readString(index);
        assertFalse(readme.contains("999"), "the quick run must not replace the standard one: " + readme);
        assertTrue(readme.contains("[2026-11-28T04-00-00Z](runs/epyc-2c-24g/2026-11-28T04-00-00Z/summary.md) "
                + "(standard)"), readme);
        assertTrue(readme.contains("| quick | 2 |"), "the machines table still names the latest run: " + readme);
    }

    @Test
    void runsFromBeforeThePercentileColumnsStillCompare() throws Exception {
        String csv = SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(), SummaryWriterGoldenTest.fixtureTables(), List.of());
        writeRun("epyc-2c-24g", "2026-11-28T04-00-00Z", withIndexColumnsOnly(csv));
        writeRun("xeon-8481c-4c-16g", "2026-11-28T05-00-00Z", csv);

        Path index = resultsDir.resolve("README.md");
        ResultsIndexWriter.write(resultsDir.resolve("runs"), index);
        String readme = Files.readString(index);
        assertTrue(readme.contains("| ThreadStartBench.startAndJoin | threadKind=PLATFORM | us/op "
                + "| **1.00** (165 ± 209) | **1.00** (165 ± 209, n=3) | 1.00 ? |"), "the old run has no n: " + readme);
    }

    @Test
    void rowsWithLatencyPercentilesShowTheirP50AndP99() throws Exception {
        writeRun("epyc-2c-24g", "2026-11-28T04-00-00Z",
                SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(), SummaryWriterGoldenTest.ipcFixtureTables(), List.of()));
        String readme = ResultsIndexWriter.render(resultsDir.resolve("runs"), resultsDir);
        assertTrue(readme.contains("| PingPongBench.roundTrip | messageBytes=64 peer=PROCESS placement=ONE_CPU "
                + "transport=NIO_UDS | us/op | **0.83** ~ (13.9 ± 18.3, n=5; p50 10.4, p99 16.4 µs) |"), readme);
        assertTrue(readme.contains("| StreamBench.send | messageBytes=1048576 placement=ANY_CPU transport=NIO_UDS "
                + "| ops/s | **1.49** (6806 ± 1020, n=5) |"), "rows without histograms keep the plain cell: " + readme);
    }

    @Test
    void eachMachineGetsTheUslFitOfEveryConcurrencySweep() throws Exception {
        List<Measurement> rows = new ArrayList<>();
        for (int connections : new int[] {1, 2, 4, 8, 16, 32}) {
            for (String path : List.of("direct", "designbench")) {
                double lambda = path.equals("direct") ? 1000 : 400;
                double throughput = lambda * connections / (1 + 0.05 * (connections - 1)
                        + 0.002 * connections * (connections - 1));
                Map<String, String> params = new LinkedHashMap<>();
                params.put("connections", String.valueOf(connections));
                params.put("path", path);
                rows.add(Measurement.measured("designbench.proxy.scenario.ProxyScaling.run", "thrpt", params,
                        throughput, Double.NaN, "req/s"));
            }
        }
        writeRun("epyc-2c-24g", "2026-11-28T04-00-00Z", SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(),
                SummaryBuilder.build(rows, Map.of()), List.of()));
        String readme = ResultsIndexWriter.render(resultsDir.resolve("runs"), resultsDir);
        assertTrue(readme.contains("## Performance or scalability"), readme);
        assertTrue(readme.contains("### proxy-scaling on epyc-2c-24g ([2026-11-28T04-00-00Z]"), readme);
        assertTrue(readme.contains("| ProxyScaling.run path=direct | 6 | 1000 | 0.05 | 0.002 |"), readme);
        assertTrue(readme.contains("performance-bound: at 1 it does 0.40×"), readme);
    }

    @Test
    void machinesCompareRowByRowWithTheTestOfTwoRuns() throws Exception {
        String csv = "benchmark,mode,params,status,unit,score\n"
                + "X.run,thrpt,n=1,OK,ops/s,100\n"
                + "X.run,thrpt,n=1,OK,ops/s,150\n"
                + "X.run,thrpt,n=1,OK,ops/s,101\n"
                + "X.run,avgt,n=1,OK,ms/op,150\n"
                + "X.run,avgt,n=1,OK,ms/op,100\n";
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        RawSamples.Key throughput = new RawSamples.Key("X.run", "thrpt", "n=1");
        RawSamples.Key time = new RawSamples.Key("X.run", "avgt", "n=1");
        Map<RawSamples.Key, List<double[]>> a = Map.of(throughput, List.<double[]>of(new double[] {99, 100, 101, 100,
                100}), time, List.<double[]>of(new double[] {99, 100, 101, 100, 100}));
        Map<RawSamples.Key, List<double[]>> b = Map.of(throughput, List.<double[]>of(new double[] {149, 150, 151, 150,
                150}), time, List.<double[]>of(new double[] {149, 150, 151, 150, 150}));
        String faster = ResultsIndexWriter.machineRatioCell(rows.get(0), a, rows.get(1), b);
        assertTrue(faster.startsWith("1.50 (p = 0.0") && faster.endsWith(", better)"), faster);
        String slower = ResultsIndexWriter.machineRatioCell(rows.get(4), a, rows.get(3), b);
        assertTrue(slower.startsWith("1.50 (p = 0.0") && slower.endsWith(", worse)"), "more time per op: " + slower);
        String small = ResultsIndexWriter.machineRatioCell(rows.get(0), a, rows.get(2), b);
        assertTrue(small.startsWith("1.01 ~ (p = 0.0"), "1 % is under the noise threshold, whatever p says: " + small);
        assertEquals("", ResultsIndexWriter.machineRatioCell(rows.get(0), a, rows.get(3), b), "units differ");
        assertEquals("1.50 ?", ResultsIndexWriter.machineRatioCell(rows.get(0), Map.of(), rows.get(1), b));
    }

    /** The same summary as the first runs wrote it, before MB/s and percentile columns were added. */
    private static String withIndexColumnsOnly(String csv) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get());
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader(SummaryWriter.CSV_INDEX_COLUMNS.toArray(String[]::new)).get())) {
            for (CSVRecord record : parser) {
                printer.printRecord(SummaryWriter.CSV_INDEX_COLUMNS.stream().map(record::get).toList());
            }
        }
        return out.toString();
    }

    @Test
    void tableSuitesAreShownPerMachineFromTheirLongestProfileRun() throws Exception {
        String csv = SummaryWriter.csv(SummaryWriterGoldenTest.fixedEnvironment(), List.of(), List.of());
        writeRun("epyc-2c-24g", "2026-12-01T04-00-00Z", csv, "standard: 2 forks");
        writeRun("epyc-2c-24g", "2026-12-01T05-00-00Z", csv, "quick: 1 fork");
        for (String run : List.of("2026-12-01T04-00-00Z", "2026-12-01T05-00-00Z")) {
            String answered = run.endsWith("04-00-00Z") ? "0 %" : "999 %";
            new designbench.contract.SuiteTables("cap", "standard: 3 partitions", List.of(
                    new designbench.contract.SuiteTables.Table("cap-availability", "Who answers?",
                            List.of("etcd: CP."), List.of("system", "answered OK"),
                            List.of(List.of("etcd", answered)), List.of("answered OK: a share"))))
                    .write(resultsDir.resolve("runs/epyc-2c-24g/" + run + "/cap-tables.json"));
        }
        Path index = resultsDir.resolve("README.md");
        ResultsIndexWriter.write(resultsDir.resolve("runs"), index);
        String readme = Files.readString(index);
        assertTrue(readme.contains("## cap-availability: Who answers?"), readme);
        assertTrue(readme.contains("### epyc-2c-24g: [2026-12-01T04-00-00Z](runs/epyc-2c-24g/2026-12-01T04-00-00Z/"
                + "summary.md) (standard)"), readme);
        assertTrue(readme.contains("- etcd: CP.\n\n| system | answered OK |\n|---|---|\n| etcd | 0 % |"), readme);
        assertFalse(readme.contains("999"), "the quick run must not replace the standard one: " + readme);
    }

    @Test
    void theCapacityTableSizesTheStatedLoadFromEachProxysMaximum() throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", SummaryWriter.CSV_INDEX_COLUMNS)).append('\n');
        String[][] rows = {{"proxy-cost", "ProxyCost.run", "originMs=0 load=max path=designbench", "12000"},
            {"proxy-cost", "ProxyCost.run", "originMs=0 load=max path=direct", "40000"},
            {"proxy-cost", "ProxyCost.run", "originMs=2 load=max path=designbench", "9000"},
            {"proxy-cost", "ProxyCost.run", "originMs=0 load=50% path=designbench", "6000"},
            {"proxy-scaling", "ProxyScaling.run", "connections=16 path=designbench", "14000"},
            {"proxy-scaling", "ProxyScaling.run", "connections=64 path=designbench", "13000"},
            {"proxy-scaling", "ProxyScaling.run", "connections=64 path=nginx-1.22.1", "20000"}};
        for (String[] r : rows) {
            csv.append(String.join(",", r[0], "t", r[1], r[2], "thrpt", r[3], "", "req/s", "", "", "", "", "OK", ""))
                    .append('\n');
        }
        writeRun("epyc-2c-24g", "2026-12-02T04-00-00Z", csv.toString(), "standard: 2 forks");
        Path index = resultsDir.resolve("README.md");
        ResultsIndexWriter.write(resultsDir.resolve("runs"), index,
                designbench.results.scale.Capacity.parse("15e9/month", 3));
        String readme = Files.readString(index);
        assertTrue(readme.contains("## capacity: how many requests a month does one proxy carry"), readme);
        assertTrue(readme.contains("stated load 15e9/month = 5 703 requests/s on average"), readme);
        assertTrue(readme.contains("| epyc-2c-24g | proxy-cost (closed loop, 32 connections) | designbench | "
                + Numbers.format(12_000) + " | 31.6 bn | 2 |"), readme);
        assertTrue(readme.contains("| epyc-2c-24g | proxy-scaling (peak of the sweep, at 16 connections) | "
                + "designbench | " + Numbers.format(14_000) + " | 36.8 bn | 2 |"), readme);
        assertTrue(readme.contains("| nginx-1.22.1 | " + Numbers.format(20_000) + " | 52.6 bn | 1 |"), readme);
        assertFalse(readme.contains("| direct |"), "the origin is not a proxy instance: " + readme);
        assertFalse(readme.contains("9 000"), "only origin latency 0 and load=max: " + readme);
    }

    @Test
    void noRunsYetSaysHowToMakeOne() throws IOException {
        String readme = ResultsIndexWriter.render(resultsDir.resolve("runs"), resultsDir);
        assertTrue(readme.contains("No runs yet"), readme);
    }
}
