package designbench.runner.launch;

import designbench.contract.Profile;
import designbench.contract.StressResultLog;
import designbench.contract.StressTestResult;
import designbench.contract.SuiteLaunch;
import designbench.contract.SuiteOptions;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.output.TeeOutputStream;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.runners.TestList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * Runs a suite's jcstress tests inside the suite's own JVM (its jar on the class path) and leaves in the output
 * folder: jcstress's result file ({@code jcstress-results-*.bin.gz}), its HTML and text report
 * ({@code <suite>-report/}), its console output ({@code <suite>.log}) and {@code <suite>-results.json}, which
 * the tables read. Must be started with the output folder as working directory: jcstress writes its result file
 * there. Exits 0 when jcstress ran to the end, whatever the verdicts.
 */
@Command(name = "jcstress-suite", mixinStandardHelpOptions = true,
        description = "Runs one suite's jcstress tests with a duration profile and records their outcomes.")
public final class JcstressSuiteMain implements Callable<Integer> {
    @Mixin
    SuiteOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new JcstressSuiteMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Profile profile = options.profile();
        String suite = options.suite();
        String include = options.include();
        Path outDir = options.out();
        Pattern pattern = Pattern.compile(include);
        long selected = TestList.tests().stream().filter(test -> pattern.matcher(test).find()).count();
        if (selected == 0) {
            System.out.printf("[%s] no jcstress test matches '%s': skipped%n", suite, include);
            return SuiteLaunch.NOTHING_SELECTED;
        }
        Files.createDirectories(outDir);
        Path report = outDir.resolve(suite + "-report");
        System.out.printf("[%s] %d jcstress tests, %s; its full output: %s%n",
                suite, selected, String.join(" ", profile.jcstressArgs()), outDir.resolve(suite + ".log"));

        List<String> args = new ArrayList<>(profile.jcstressArgs());
        args.addAll(List.of("-t", include, "-r", report.toString(),
                // jcstress pins actors to CPUs through JNA; JDK 24+ warns about such native access unless allowed.
                "-jvmArgsPrepend", "--enable-native-access=ALL-UNNAMED"));
        Options options = new Options(args.toArray(String[]::new));
        if (!options.parse()) {
            System.err.println("[" + suite + "] jcstress rejected its options: " + args);
            return 2;
        }
        PrintStream console = System.out;
        try (OutputStream logFile = new FileOutputStream(outDir.resolve(suite + ".log").toFile());
             PrintStream both = new PrintStream(new TeeOutputStream(console, logFile), true,
                     StandardCharsets.UTF_8)) {
            // jcstress prints to System.out as it goes; the console shows its progress lines, the log keeps all.
            System.setOut(both);
            new JCStress(options).run();
        } finally {
            System.setOut(console);
        }

        List<StressTestResult> results = JcstressResults.read(newestResultFile(outDir));
        StressResultLog.write(StressResultLog.fileOf(outDir, suite), results);
        Map<StressTestResult.Verdict, Integer> verdicts = new TreeMap<>();
        results.forEach(r -> verdicts.merge(r.verdict(), 1, Integer::sum));
        System.out.printf("[%s] %d tests: %s%n", suite, results.size(), verdicts);
        return 0;
    }

    private static Path newestResultFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()))
                    .orElseThrow(() -> new IOException("jcstress wrote no result file in " + dir));
        }
    }
}
