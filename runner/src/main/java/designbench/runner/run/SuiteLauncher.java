package designbench.runner.run;

import designbench.contract.Profile;
import designbench.contract.SuiteOptions;
import designbench.runner.env.EnvironmentProbe;
import designbench.runner.launch.JcstressSuiteMain;
import designbench.runner.launch.JmhSuiteMain;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one suite in a JVM of its own: the suite's jar first, then the runner's own class path (this module and its
 * runtime dependencies, listed at build time in {@value #CLASS_PATH_RESOURCE}), so a suite's JVM holds its own code
 * and the launcher, nothing of the tables. The child's console output is the progress the user sees; if this JVM
 * is stopped, the child is too. What the suite wrote is read by the results module.
 */
public final class SuiteLauncher {
    /** The runner's runtime dependencies, one class path line, written by the build (see runner/pom.xml). */
    static final String CLASS_PATH_RESOURCE = "META-INF/designbench/runner.classpath";

    private SuiteLauncher() {
    }

    /** Runs the suite into {@code outDir} and returns its JVM's exit status. */
    public static int run(Suite suite, Profile profile, String include, String failOnPurpose,
                          List<String> forkFlags, Path outDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(EnvironmentProbe.javaLauncher());
        command.addAll(forkFlags);
        command.add("-cp");
        // The suite's jar first: its generated benchmark or test list is the one the engine must find.
        command.add(absolute(suite.classPath() + File.pathSeparator + runnerClassPath()));
        switch (suite.kind()) {
            case JMH -> command.add(JmhSuiteMain.class.getName());
            case JCSTRESS -> command.add(JcstressSuiteMain.class.getName());
            case SCENARIOS, TABLES -> command.addAll(suite.launcher());
        }
        command.addAll(SuiteOptions.args(suite.name(), profile, include, outDir));
        if (suite.kind() == Suite.Kind.JMH) {
            command.add("--fail-on-purpose=" + failOnPurpose);
            forkFlags.forEach(flag -> command.add("--fork-jvm-arg=" + flag));
        }
        return runRelayingOutput(new ProcessBuilder(command).directory(outDir.toFile()));
    }

    /** This module's classes (a folder or a jar) and its runtime dependencies. */
    static String runnerClassPath() throws IOException {
        String own;
        try {
            own = Path.of(SuiteLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the runner's classes: " + e.getMessage(), e);
        }
        try (InputStream in = SuiteLauncher.class.getClassLoader().getResourceAsStream(CLASS_PATH_RESOURCE)) {
            if (in == null) {
                throw new IOException("no " + CLASS_PATH_RESOURCE + " beside the runner's classes: build the runner "
                        + "with Maven (mvn install -DskipTests), which writes it");
            }
            return own + File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** Starts the child, copies its output line by line to ours, and waits for it. */
    private static int runRelayingOutput(ProcessBuilder builder) throws IOException, InterruptedException {
        // Relayed rather than inherited, so that the progress also reaches consoles that capture System.out
        // (Maven's test runner, IDEs).
        Process child = builder.redirectErrorStream(true).start();
        child.getOutputStream().close();
        // Ctrl-C or a killed Maven must not leave a suite (and its benchmark fork) running on its own.
        Thread stopChild = new Thread(() -> {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stopChild);
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println(line);
            }
            return child.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run: nothing to undo
            }
        }
    }

    /** The class path with every entry absolute: the child runs in the run folder, not in our directory. */
    private static String absolute(String classPath) {
        return Stream.of(classPath.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
