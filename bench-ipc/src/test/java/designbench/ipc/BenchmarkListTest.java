package designbench.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** JMH's annotation processor must have generated the benchmark list; without it a run silently does nothing. */
class BenchmarkListTest {
    @Test
    void everyBenchmarkIsInTheGeneratedList() {
        Set<String> benchmarks = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()),
                        VerboseMode.SILENT), List.of("designbench.ipc"), List.of())) {
            benchmarks.add(entry.getUsername());
        }
        assertEquals(new TreeSet<>(List.of(
                PingPongBench.class.getName() + ".roundTrip",
                RequestResponseBench.class.getName() + ".request",
                StreamBench.class.getName() + ".send")), benchmarks);
    }
}
