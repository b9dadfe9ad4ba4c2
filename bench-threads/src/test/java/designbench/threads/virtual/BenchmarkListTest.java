package designbench.threads.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.junit.jupiter.api.Test;

/** JMH's annotation processor must have generated the benchmark list; without it a run silently does nothing. */
class BenchmarkListTest {
    @Test
    void everyBenchmarkClassIsInTheGeneratedList() {
        Set<String> classes = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()),
                        VerboseMode.SILENT), List.of("designbench.threads.virtual"), List.of())) {
            classes.add(entry.getUserClassQName());
        }
        assertEquals(new TreeSet<>(List.of(
                BlockingTasksBench.class.getName(), CpuTasksBench.class.getName(), HandoffBench.class.getName(),
                PinningBench.class.getName(), ThreadStartBench.class.getName())), classes);
    }
}
