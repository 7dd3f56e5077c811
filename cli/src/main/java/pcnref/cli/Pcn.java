package pcnref.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The pcn-ref command line: {@code ./pcn <command>}. Each subcommand lives in its own file. */
@Command(name = "pcn", mixinStandardHelpOptions = true, version = "pcn-ref 0.1.0",
        description = "pcn-ref: the formally checked reference of Popcorn Linux's distributed protocols.",
        subcommands = {
                CheckCommand.class,
                ExploreCommand.class,
                ConformCommand.class,
                SimulateCommand.class,
                DecodeCommand.class,
                ExplainCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Pcn implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Pcn());
        // One line, no stack trace, for every error a user can cause.
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("pcn: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 2;
        });
        System.exit(cl.execute(args));
    }
}
