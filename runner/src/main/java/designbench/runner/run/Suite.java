package designbench.runner.run;

import designbench.contract.SuiteLaunch;
import designbench.contract.SuiteTables;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A suite that a run executes in a JVM of its own: the JMH benchmarks or the jcstress tests of one module.
 *
 * @param name      short name, used for its files in the run folder: threads, threads-jcstress, ipc
 * @param kind      which engine runs it
 * @param classPath the suite's class path, normally its module's target/benchmarks.jar
 */
public record Suite(String name, Kind kind, String classPath) {

    /**
     * The engine of a suite, recognised by a resource on its class path: the list JMH's or jcstress's annotation
     * processor generated, or, for a suite that runs its own load scenarios, the command that starts them.
     */
    public enum Kind {
        JMH("META-INF/BenchmarkList", ""),
        JCSTRESS("META-INF/TestList", "-jcstress"),
        /**
         * A suite that measures with its own load runs (bench-proxy) and writes load-run rows (LoadRunRow), tagged
         * HdrHistogram logs and failure records. The resource holds its main class and arguments.
         */
        SCENARIOS(SuiteLaunch.SCENARIO_LAUNCHER_RESOURCE, ""),
        /**
         * A suite that computes its own tables (bench-cap: rows of several columns, not one score each) and writes
         * them as a {@link SuiteTables} file. The resource holds its main class and arguments.
         */
        TABLES(SuiteTables.LAUNCHER_RESOURCE, "");

        private final String listResource;
        private final String nameSuffix;

        Kind(String listResource, String nameSuffix) {
            this.listResource = listResource;
            this.nameSuffix = nameSuffix;
        }
    }

    /**
     * Every suite in the modules {@code bench-NAME} under {@code root}: found in target/benchmarks.jar (JMH and
     * jcstress) or target/bench-NAME.jar (a scenario suite).
     */
    public static List<Suite> discover(Path root) throws IOException {
        List<Suite> suites = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                String moduleName = module.getFileName().toString();
                if (!moduleName.startsWith("bench-")) {
                    continue;
                }
                Path jar = module.resolve("target").resolve("benchmarks.jar");
                if (!Files.isRegularFile(jar)) {
                    jar = module.resolve("target").resolve(moduleName + ".jar");
                }
                if (Files.isRegularFile(jar)) {
                    suites.addAll(detect(moduleName.substring("bench-".length()), jar.toString()));
                }
            }
        }
        return suites;
    }

    /** Parses "NAME=CLASSPATH", the form given on the command line, into the suites found on that class path. */
    public static List<Suite> parse(String nameEqualsClassPath) throws IOException {
        int eq = nameEqualsClassPath.indexOf('=');
        if (eq <= 0 || eq == nameEqualsClassPath.length() - 1) {
            throw new IllegalArgumentException("suite '" + nameEqualsClassPath + "' is not NAME=CLASSPATH");
        }
        List<Suite> suites = detect(nameEqualsClassPath.substring(0, eq), nameEqualsClassPath.substring(eq + 1));
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("suite '" + nameEqualsClassPath
                    + "' has neither JMH benchmarks nor jcstress tests on its class path");
        }
        return suites;
    }

    /** The main class and leading arguments of a scenario or table suite, from its kind's launcher resource. */
    public List<String> launcher() throws IOException {
        String resource = kind.listResource;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    var jarEntry = jar.getJarEntry(resource);
                    if (jarEntry != null) {
                        try (var in = jar.getInputStream(jarEntry)) {
                            return List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                    .trim().split("\\s+"));
                        }
                    }
                }
            } else if (Files.isRegularFile(path.resolve(resource))) {
                return List.of(Files.readString(path.resolve(resource)).trim().split("\\s+"));
            }
        }
        throw new IOException("suite " + name + " has no " + resource + " on its class path");
    }

    /** One suite per engine whose generated list is on the class path. */
    static List<Suite> detect(String name, String classPath) throws IOException {
        List<Suite> suites = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (hasResource(classPath, kind.listResource)) {
                suites.add(new Suite(name + kind.nameSuffix, kind, classPath));
            }
        }
        return suites;
    }

    private static boolean hasResource(String classPath, String resource) throws IOException {
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(resource))) {
                return true;
            }
            if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    if (jar.getEntry(resource) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
