package pcnref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "pages", mixinStandardHelpOptions = true, description = "TLC versus the Java explorer on the same config.")
public final class BenchPagesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pcn bench pages: not built yet");
        return 2;
    }
}
