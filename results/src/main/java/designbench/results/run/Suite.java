package designbench.results.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A suite of benchmarks that a run executes in a JVM of its own.
 *
 * @param name      short name, used for its files in the run folder: threads, ipc, proxy
 * @param classPath the suite's class path, normally its module's target/benchmarks.jar
 */
public record Suite(String name, String classPath) {

    /** Every module {@code bench-NAME} under {@code root} whose target/benchmarks.jar exists, by name. */
    public static List<Suite> discover(Path root) throws IOException {
        List<Suite> suites = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                String moduleName = module.getFileName().toString();
                Path jar = module.resolve("target").resolve("benchmarks.jar");
                if (moduleName.startsWith("bench-") && Files.isRegularFile(jar)) {
                    suites.add(new Suite(moduleName.substring("bench-".length()), jar.toString()));
                }
            }
        }
        return suites;
    }

    /** Parses "NAME=CLASSPATH", the form given on the command line. */
    public static Suite parse(String nameEqualsClassPath) {
        int eq = nameEqualsClassPath.indexOf('=');
        if (eq <= 0 || eq == nameEqualsClassPath.length() - 1) {
            throw new IllegalArgumentException("suite '" + nameEqualsClassPath + "' is not NAME=CLASSPATH");
        }
        return new Suite(nameEqualsClassPath.substring(0, eq), nameEqualsClassPath.substring(eq + 1));
    }
}
