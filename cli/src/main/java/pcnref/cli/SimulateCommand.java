package pcnref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Seeded random walks over the reference with an oracle.")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pcn simulate: not built yet");
        return 2;
    }
}
