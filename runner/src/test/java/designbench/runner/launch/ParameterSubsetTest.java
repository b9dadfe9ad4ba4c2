package designbench.runner.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ParameterSubsetTest {

    private static final Map<String, String[]> OWN = Map.of("size", new String[] {"64", "1024", "65536"},
            "transport", new String[] {"TCP", "UDS"});

    @Test
    void choosesTheDeclaredValuesOfTheNamedBenchmarkOnly() {
        ParameterSubset subset = new ParameterSubset(Map.of("PingBench.size", "64, 65536", "OtherBench.size", "1"));
        Map<String, String[]> chosen = subset.paramsFor("PingBench", OWN);
        assertEquals(1, chosen.size(), "transport is not named, so it runs in full");
        assertArrayEquals(new String[] {"64", "65536"}, chosen.get("size"));
        assertTrue(subset.paramsFor("StreamBench", OWN).isEmpty());
        assertTrue(ParameterSubset.none().paramsFor("PingBench", OWN).isEmpty());
    }

    @Test
    void refusesParametersAndValuesTheBenchmarkDoesNotHave() {
        IllegalStateException value = assertThrows(IllegalStateException.class,
                () -> new ParameterSubset(Map.of("PingBench.size", "63")).paramsFor("PingBench", OWN));
        assertTrue(value.getMessage().contains("'63' is not a value of PingBench.size"), value.getMessage());
        IllegalStateException param = assertThrows(IllegalStateException.class,
                () -> new ParameterSubset(Map.of("PingBench.sise", "64")).paramsFor("PingBench", OWN));
        assertTrue(param.getMessage().contains("has no @Param 'sise'"), param.getMessage());
    }

    @Test
    void narrowsTheThreadSweepToCountsItHas() {
        TreeSet<Integer> all = new TreeSet<>(List.of(1, 2, 4, 8));
        assertEquals(new TreeSet<>(List.of(1, 8)), new ParameterSubset(Map.of("sweep.threads", "1,8,16")).sweepThreads(all));
        assertEquals(all, ParameterSubset.none().sweepThreads(all));
        assertThrows(IllegalStateException.class, () -> new ParameterSubset(Map.of("sweep.threads", "3")).sweepThreads(all));
    }

    @Test
    void coresStandsForThisMachinesCoreCount() {
        int cores = Runtime.getRuntime().availableProcessors();
        TreeSet<Integer> all = new TreeSet<>(List.of(1, 2, 4, 8, cores));
        TreeSet<Integer> expected = new TreeSet<>(List.of(1, 8, cores));
        assertEquals(expected, new ParameterSubset(Map.of("sweep.threads", "1, cores, 8")).sweepThreads(all));
    }

    @Test
    void eachProfileReadsItsOwnFile() {
        ParameterSubset none = ParameterSubset.load(getClass().getClassLoader(), "no-such-profile");
        assertTrue(none.paramsFor("PingBench", OWN).isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ParameterSubset("META-INF/designbench/standard.properties", Map.of("PingBench.size", "63"))
                        .paramsFor("PingBench", OWN));
        assertTrue(e.getMessage().startsWith("META-INF/designbench/standard.properties: "), e.getMessage());
    }

    @Test
    void refusesKeysForClassesTheSuiteDoesNotHave() {
        ParameterSubset subset = new ParameterSubset(Map.of("PingBnech.size", "64", "sweep.threads", "1"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> subset.checkClasses(java.util.Set.of("PingBench")));
        assertTrue(e.getMessage().contains("'PingBnech.size' names no benchmark class"), e.getMessage());
        new ParameterSubset(Map.of("PingBench.size", "64")).checkClasses(java.util.Set.of("PingBench"));
    }
}
