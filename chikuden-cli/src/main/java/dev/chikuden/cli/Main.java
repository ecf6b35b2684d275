package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chikuden} command. Exit codes: 0 ok, 1 failure, 2 bad input (a bad option, a bad
 * file: the message says where and what is allowed). No stack trace reaches the user unless
 * {@code CHIKUDEN_DEBUG} is set.
 */
@Command(
        name = "chikuden",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Plans and runs battery energy storage for AI data centres, grid, factory and home batteries.",
        subcommands = {
            PlanCommand.class,
            OptimizeCommand.class,
            SizeCommand.class,
            SweepCommand.class,
            AgingCommand.class,
            RainflowCommand.class,
            GridcodeCommand.class,
            PricesCommand.class,
            BillCommand.class,
            DevicesCommand.class,
            ServeCommand.class,
            FleetCommand.class,
            ParityCommand.class,
            ExamplesCommand.class,
            SchemasCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (a bug or an environment problem)", "2:bad input (options or files)"})
public final class Main {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests to run in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (System.getenv("CHIKUDEN_DEBUG") != null) {
                e.printStackTrace(line.getErr());
            }
            if (e instanceof BadInputException) {
                line.getErr().println("chikuden: " + e.getMessage());
                return BAD_INPUT;
            }
            line.getErr()
                    .println("chikuden: failed: " + (e.getMessage() != null ? e.getMessage() : e.toString())
                            + " (set CHIKUDEN_DEBUG=1 for details)");
            return FAILURE;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "chikuden " + BuildInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
