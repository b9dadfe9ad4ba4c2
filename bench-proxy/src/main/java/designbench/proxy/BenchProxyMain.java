package designbench.proxy;

import designbench.proxy.cli.LoadCommand;
import designbench.proxy.cli.OriginCommand;
import designbench.proxy.cli.ProxyCommand;
import designbench.proxy.cli.ScenariosCommand;
import io.netty.util.ResourceLeakDetector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench-proxy.jar proxy|origin|load [OPTIONS]}; options may also come from a file: {@code @FILE}. */
@Command(name = "bench-proxy", mixinStandardHelpOptions = true,
        description = "The system under test of designbench's proxy questions: a reverse proxy and an origin server.",
        subcommands = {ProxyCommand.class, OriginCommand.class, LoadCommand.class, ScenariosCommand.class})
public final class BenchProxyMain implements Runnable {

    private static final String LEAK_DETECTION_LEVEL = "io.netty.leakDetection.level";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty(LEAK_DETECTION_LEVEL) == null) {
            // Netty tracks one buffer in 128 for leaks by default, taking a stack trace each time: a cost no production
            // proxy pays, a few per cent of the proxy's time in a profile. Off unless asked for (the tests, which run
            // the servers in their own JVM, ask for paranoid).
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        JitReport.startIfAsked();
        System.exit(new CommandLine(new BenchProxyMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which: proxy, origin or load");
    }
}
