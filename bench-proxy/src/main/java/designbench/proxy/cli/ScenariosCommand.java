package designbench.proxy.cli;

import designbench.contract.SuiteOptions;
import designbench.proxy.scenario.ScenarioSuite;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scenarios}: the proxy questions, each a set of load runs against origin and proxy processes. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the proxy scenarios and writes their rows, their latency "
                + "histograms as HdrHistogram logs and their failures, for designbench's results tables.",
            "`mvn verify -P bench` runs this; by hand it needs only an empty folder."})
public final class ScenariosCommand implements Callable<Integer> {

    @Mixin
    SuiteOptions options;

    @Override
    public Integer call() throws Exception {
        return ScenarioSuite.run(options.suite(), options.profile(), options.include(), options.out());
    }
}
