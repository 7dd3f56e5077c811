package pcnref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "decode", mixinStandardHelpOptions = true, description = "Decode real Popcorn logs: pcap, ftrace, dmesg.")
public final class DecodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pcn decode: not built yet");
        return 2;
    }
}
