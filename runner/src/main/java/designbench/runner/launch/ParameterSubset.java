package designbench.runner.launch;

import designbench.contract.SuiteLaunch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.util.Optional;

/**
 * The parameter values a profile with a subset (quick, standard) measures, as each suite declares them in
 * {@code META-INF/designbench/<profile>.properties} on its class path. Keys are {@code <BenchmarkClass>.<param>}
 * (the class's simple name) with comma-separated values, each of which must be one of the benchmark's own
 * {@code @Param} values, and {@code sweep.threads} for the thread counts of swept benchmarks, where {@code cores}
 * stands for this machine's logical core count. What a suite does not name runs in full.
 */
final class ParameterSubset {

    static final String SWEEP_THREADS = "sweep.threads";
    static final String CORES = "cores";

    private final String resource;
    private final Map<String, String> declared;

    ParameterSubset(String resource, Map<String, String> declared) {
        this.resource = resource;
        this.declared = declared;
    }

    /** A subset declared in a file called {@code test.properties}, for tests. */
    ParameterSubset(Map<String, String> declared) {
        this(SuiteLaunch.parametersResource("test"), declared);
    }

    /** Every value of every parameter: what standard and thorough runs measure. */
    static ParameterSubset none() {
        return new ParameterSubset(Map.of());
    }

    /** The subsets the suites on this class loader's class path declare for the profile called {@code profile}. */
    static ParameterSubset load(ClassLoader loader, String profile) {
        String resource = SuiteLaunch.parametersResource(profile);
        Map<String, String> declared = new TreeMap<>();
        try {
            Enumeration<URL> files = loader.getResources(resource);
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(in);
                }
                for (String key : properties.stringPropertyNames()) {
                    declared.put(key, properties.getProperty(key).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new ParameterSubset(resource, declared);
    }

    /**
     * The parameter values to run for one benchmark, only for the parameters the subset names (the others run in
     * full); empty when it names none. Fails, naming the file, on a parameter or value the benchmark lacks.
     */
    Map<String, String[]> paramsFor(BenchmarkListEntry entry) {
        String className = entry.getUserClassQName();
        Optional<Map<String, String[]>> own = entry.getParams();
        return paramsFor(className.substring(className.lastIndexOf('.') + 1), own.hasValue() ? own.get() : Map.of());
    }

    /** {@link #paramsFor(BenchmarkListEntry)} for a benchmark class's simple name and its own parameter values. */
    Map<String, String[]> paramsFor(String simpleName, Map<String, String[]> own) {
        Map<String, String[]> chosen = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : declared.entrySet()) {
            if (!d.getKey().startsWith(simpleName + ".")) {
                continue;
            }
            String param = d.getKey().substring(simpleName.length() + 1);
            String[] allowed = own.get(param);
            if (allowed == null) {
                throw new IllegalStateException(resource + ": " + simpleName + " has no @Param '" + param + "'");
            }
            String[] values = Arrays.stream(d.getValue().split(",")).map(String::trim).toArray(String[]::new);
            for (String value : values) {
                if (!Arrays.asList(allowed).contains(value)) {
                    throw new IllegalStateException(resource + ": '" + value + "' is not a value of " + simpleName
                            + "." + param + " (its values: " + String.join(", ", allowed) + ")");
                }
            }
            chosen.put(param, values);
        }
        return chosen;
    }

    /** The thread counts for swept benchmarks: those of {@code all} that the subset names (cores included), or all. */
    SortedSet<Integer> sweepThreads(SortedSet<Integer> all) {
        String value = declared.get(SWEEP_THREADS);
        if (value == null) {
            return all;
        }
        SortedSet<Integer> chosen = new TreeSet<>();
        for (String count : value.split(",")) {
            int n = count.trim().equals(CORES) ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(count.trim());
            if (all.contains(n)) {
                chosen.add(n);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException(resource + ": " + SWEEP_THREADS + "=" + value + " names none of the "
                    + "thread counts swept here: " + all);
        }
        return Collections.unmodifiableSortedSet(chosen);
    }

    /** Fails, naming the file, when a key names a benchmark class that is not among {@code simpleNames}. */
    void checkClasses(java.util.Set<String> simpleNames) {
        for (String key : declared.keySet()) {
            if (key.equals(SWEEP_THREADS)) {
                continue;
            }
            int dot = key.indexOf('.');
            if (dot <= 0 || !simpleNames.contains(key.substring(0, dot))) {
                throw new IllegalStateException(resource + ": '" + key + "' names no benchmark class of this suite "
                        + "(want <BenchmarkClass>.<param> or " + SWEEP_THREADS + ")");
            }
        }
    }
}
