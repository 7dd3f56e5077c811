package pcnref.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "decode", mixinStandardHelpOptions = true, description = "Decoder throughput: pcap MB/s, ftrace and dmesg lines/s.")
public final class BenchDecodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pcn bench decode: not built yet");
        return 2;
    }
}
