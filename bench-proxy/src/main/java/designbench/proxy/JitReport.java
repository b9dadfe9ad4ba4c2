package designbench.proxy;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How much a process has JIT-compiled so far, for the scenario suite that started it: with
 * {@code -D}{@value #FILE_PROPERTY}{@code =PATH} the process rewrites PATH every {@value #PERIOD_MILLIS} ms with one
 * line, the JVM's total compilation time in milliseconds (its CompilationMXBean), so the suite warms servers until
 * their JIT is quiet rather than for a fixed time.
 */
public final class JitReport {

    public static final String FILE_PROPERTY = "designbench.jitReportFile";
    static final long PERIOD_MILLIS = 200;

    private JitReport() {
    }

    /** Starts the report when the property asks for it and the JVM can tell its compilation time. */
    static void startIfAsked() {
        String file = System.getProperty(FILE_PROPERTY);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (file == null || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        Path path = Path.of(file);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jit-report");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> write(path, jit.getTotalCompilationTime()), 0, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private static void write(Path path, long millis) {
        try {
            Path temp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temp, millis + "\n", StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The suite then sees no report and warms for its fixed time.
        }
    }

    /** The compilation time a report says; empty when there is none (yet) or it cannot be read. */
    public static OptionalLong read(Path path) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(path, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** This JVM's own compilation time so far (the suite's load generator runs in it); empty when unknown. */
    public static OptionalLong own() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported()
                ? OptionalLong.of(jit.getTotalCompilationTime()) : OptionalLong.empty();
    }
}
