package pcnref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "explore", mixinStandardHelpOptions = true, description = "Explore a protocol's state space with the Java reference.")
public final class ExploreCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pcn explore: not built yet");
        return 2;
    }
}
