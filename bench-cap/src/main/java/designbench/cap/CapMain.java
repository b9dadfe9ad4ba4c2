package designbench.cap;

import designbench.cap.check.CapTables;
import designbench.cap.check.HistoryAnalysis;
import designbench.cap.client.ClientMain;
import designbench.cap.history.History;
import designbench.cap.net.Testbed;
import designbench.cap.scenario.CapSuite;
import designbench.contract.SuiteOptions;
import designbench.contract.SuiteTables;
import designbench.contract.SuiteTablesMarkdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The bench-cap jar's commands: {@code suite} (run by the results module), {@code check} (the tables again from
 * the histories of a run folder), {@code client} (started by the suite in each host) and {@code cleanup}.
 */
@Command(name = "bench-cap", mixinStandardHelpOptions = true,
        subcommands = {CapMain.Suite.class, CapMain.Check.class, ClientMain.class, CapMain.Cleanup.class,
                CapMain.HoldTestbed.class},
        description = "CAP under a real network partition: etcd (CP) against Hazelcast (AP).")
public final class CapMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CapMain()).setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof java.io.IOException || error instanceof IllegalArgumentException) {
                cmd.getErr().println("bench-cap: " + error.getMessage());
                return 2;
            }
            throw error;
        }).execute(args));
    }

    @Command(name = "suite", description = "Runs the CAP scenarios and writes cap-tables.json and cap-histories/.")
    static final class Suite implements Callable<Integer> {
        @Mixin
        SuiteOptions options;

        @Override
        public Integer call() throws Exception {
            return CapSuite.run(options.suite(), options.profile(), options.include(), options.out());
        }
    }

    @Command(name = "check", description = "Recomputes the CAP tables from the histories in a folder "
            + "(a run folder's cap-histories/) and prints them; with --compare, says whether they match a "
            + "cap-tables.json.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", description = "the folder holding <system>-ops.jsonl and <system>-events.jsonl")
        Path histories;
        @Option(names = "--compare", description = "a cap-tables.json to compare the recomputed tables with")
        Path compare;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(histories)) {
                throw new IllegalArgumentException(histories + " is not a folder of CAP histories");
            }
            List<CapTables.Outcome> outcomes = new ArrayList<>();
            for (String system : History.systemsIn(histories)) {
                outcomes.add(CapTables.Outcome.measured(HistoryAnalysis.analyse(History.read(histories, system))));
            }
            if (outcomes.isEmpty()) {
                throw new IllegalArgumentException(histories + " holds no <system>-ops.jsonl");
            }
            SuiteTables tables = CapTables.build("cap", "recomputed from " + histories, outcomes);
            System.out.print(SuiteTablesMarkdown.render(tables, "##"));
            if (compare != null) {
                List<SuiteTables.Table> committed = SuiteTables.read(compare).tables();
                boolean same = committed.equals(tables.tables());
                System.out.println(same ? "\nThe recomputed tables match " + compare + "."
                        : "\nThe recomputed tables DIFFER from " + compare + ".");
                return same ? 0 : 1;
            }
            return 0;
        }
    }

    /** For the tests of the leftover removal: makes the hosts, starts a process in one, and waits to be killed. */
    @Command(name = "hold-testbed", hidden = true)
    static final class HoldTestbed implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Testbed testbed = Testbed.create();
            Process sleeper = new ProcessBuilder(Testbed.inHost(1, List.of("sleep", "600"))).start();
            System.out.println("HOLDING " + sleeper.pid());
            System.out.flush();
            Thread.sleep(600_000);
            sleeper.destroy();
            testbed.close();
            return 0;
        }
    }

    @Command(name = "cleanup", description = "Removes the test hosts (dbcap-* namespaces and links) and the "
            + "processes in them that a killed run left behind.")
    static final class Cleanup implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Testbed.removeLeftovers();
            System.out.println("no dbcap-* namespaces or links left");
            return 0;
        }
    }
}
