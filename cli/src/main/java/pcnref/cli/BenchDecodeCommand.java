package pcnref.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pcn bench decode}: decoder throughput on the real recordings, one section per decoder. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decoder throughput on ../shared/traces: pcap MB/s, codec, ftrace and dmesg lines/s.")
public final class BenchDecodeCommand implements Callable<Integer> {
    /** The sections, in report order. Add a decoder's benchmark here. */
    static final List<DecodeBenchSection> SECTIONS = List.of(new PcapDecodeBench(), new WireCodecBench(), new LogParseBench());

    @Option(names = "--traces", description = "Folder of recordings (default: ../shared/traces next to the repository).")
    Path traces;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured time per figure, after as long a warm-up (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--big-mb", defaultValue = "0",
            description = "Also read one synthetic capture, ftrace and dmesg log of this many MB (real frames / lines repeated) once: streaming check.")
    int bigMb;

    @Option(names = "--json", description = "One JSON object per figure.")
    boolean json;

    /** What every section gets: where the inputs are and how long to measure. */
    public record Context(Path traces, double seconds, int bigMb) {
        /** Every file under traces whose name ends with {@code suffix}, sorted. */
        public List<Path> files(String suffix) throws IOException {
            try (Stream<Path> s = Files.walk(traces)) {
                return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        Path t = traces != null ? traces : Path.of(System.getProperty("pcn.home", ".")).resolve("../shared/traces").normalize();
        if (!Files.isDirectory(t)) {
            System.err.println("pcn bench decode: " + t + ": no such folder (use --traces DIR)");
            return 2;
        }
        Context ctx = new Context(t, seconds, bigMb);
        if (!json) System.out.println(machine());
        for (DecodeBenchSection s : SECTIONS) {
            List<DecodeBenchSection.Figure> figures = new ArrayList<>(s.run(ctx));
            for (DecodeBenchSection.Figure f : figures) {
                if (json) {
                    System.out.printf(Locale.ROOT, "{\"section\":\"%s\",\"what\":\"%s\",\"value\":%.1f,\"unit\":\"%s\",\"note\":\"%s\"}%n",
                            s.name(), f.what(), f.value(), f.unit(), f.note().replace("\"", "'"));
                } else {
                    System.out.printf(Locale.ROOT, "%-6s %-34s %10.1f %-9s %s%n", s.name(), f.what(), f.value(), f.unit(), f.note());
                }
            }
        }
        return 0;
    }

    /** nproc, CPU model, RAM, JVM: the machine line of docs/performance.md. */
    static String machine() {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0)).orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux: leave "?"
        }
        return "machine: nproc " + Runtime.getRuntime().availableProcessors() + ", " + cpu + ", RAM " + mem
                + ", Java " + Runtime.version() + ", max heap " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB";
    }
}
