package designbench.proxy;

import designbench.proxy.cli.LoadCommand;
import designbench.proxy.cli.OriginCommand;
import designbench.proxy.cli.ProxyCommand;
import designbench.proxy.cli.ScenariosCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench-proxy.jar proxy|origin|load [OPTIONS]}; options may also come from a file: {@code @FILE}. */
@Command(name = "bench-proxy", mixinStandardHelpOptions = true,
        description = "The system under test of designbench's proxy questions: a reverse proxy and an origin server.",
        subcommands = {ProxyCommand.class, OriginCommand.class, LoadCommand.class, ScenariosCommand.class})
public final class BenchProxyMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchProxyMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which: proxy, origin or load");
    }
}
