package pcnref.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks, side by side in one run; figures go to docs/performance.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks, side by side in one run (figures for docs/performance.md).",
        subcommands = {BenchPagesCommand.class, BenchDecodeCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
