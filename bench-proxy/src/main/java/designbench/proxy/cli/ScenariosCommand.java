package designbench.proxy.cli;

import designbench.proxy.scenario.ScenarioSuite;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scenarios}: the proxy questions, each a set of load runs against origin and proxy processes. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the proxy scenarios and writes their rows as JMH-format JSON, their latency "
                + "histograms as HdrHistogram logs and their failures, for designbench's results tables.",
            "`mvn verify -P bench` runs this; by hand it needs only an empty folder."})
public final class ScenariosCommand implements Callable<Integer> {

    @Option(names = "--suite", defaultValue = "proxy", description = "file name prefix (default proxy)")
    String suite;

    @Option(names = "--profile", defaultValue = "standard",
            description = "quick, standard or thorough: how long each load run lasts")
    String profile;

    @Option(names = "--include", defaultValue = ".*", description = "regex of scenario names to run")
    String include;

    @Option(names = "--out", required = true, description = "folder that receives the files")
    Path out;

    @Override
    public Integer call() throws Exception {
        return ScenarioSuite.run(suite, profile, include, out);
    }
}
