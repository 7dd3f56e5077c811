package pcnref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Run TLC on every config of a protocol and compare with the manifest.")
public final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pcn check: not built yet");
        return 2;
    }
}
