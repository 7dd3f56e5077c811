package pcnref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "conform", mixinStandardHelpOptions = true, description = "Prove the Java reference and the TLA+ spec have the same state space.")
public final class ConformCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pcn conform: not built yet");
        return 2;
    }
}
