package pcnref.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pcnref.trace.ReadStats;
import pcnref.trace.SharedData;
import pcnref.trace.dmesg.DmesgReader;
import pcnref.trace.ftrace.FtraceReader;
import pcnref.trace.pcap.PcapMessageReader;
import pcnref.trace.pcap.PcapOptions;
import pcnref.trace.pcap.Stats;

/**
 * Decoder throughput, one section per reader: ftrace lines/s, dmesg lines/s, pcap MB/s. Each section
 * reads its files again and again (from the page cache, after one warm-up pass) until the time budget
 * is spent; events go to a counting sink. Figures go to docs/performance.md.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, description = "Decoder throughput: pcap MB/s, ftrace and dmesg lines/s.")
public final class BenchDecodeCommand implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "S", description = "Measuring time per section (default: ${DEFAULT-VALUE}).")
    double seconds = 5;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Inputs (default: every node*.ftrace.txt, node*.dmesg.txt and node*.pcap of ../shared/traces).")
    List<Path> files = new ArrayList<>();

    private interface Pass {
        /** Reads every file once; returns {units (lines or bytes), events}. */
        long[] run(List<Path> files) throws IOException;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> in = files.isEmpty() ? defaults() : files;
        List<Path> ftrace = in.stream().filter(p -> p.toString().endsWith(".ftrace.txt")).toList();
        List<Path> dmesg = in.stream().filter(p -> p.toString().endsWith(".dmesg.txt") || p.toString().endsWith(".console.txt")).toList();
        List<Path> pcap = in.stream().filter(p -> p.toString().endsWith(".pcap")).toList();
        System.out.printf("pcn bench decode: %s, %d cores, %s, JDK %s, %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.version(), Instant.now().toString().substring(0, 16) + "Z");
        System.out.printf("%-8s %6s %12s %14s %14s %12s%n", "section", "files", "passes", "units/s", "events/s", "unit");
        section("ftrace", ftrace, "lines", fs -> {
            long lines = 0, events = 0;
            for (Path f : fs) {
                ReadStats s = FtraceReader.read(f, null, e -> { });
                lines += s.lines();
                events += s.totalEvents();
            }
            return new long[] {lines, events};
        });
        section("dmesg", dmesg, "lines", fs -> {
            long lines = 0, events = 0;
            for (Path f : fs) {
                ReadStats s = DmesgReader.read(f, null, e -> { });
                lines += s.lines();
                events += s.totalEvents();
            }
            return new long[] {lines, events};
        });
        section("pcap", pcap, "MB", fs -> {
            long bytes = 0, events = 0;
            for (Path f : fs) {
                Stats s = PcapMessageReader.read(f, PcapOptions.defaults(), m -> { });
                bytes += Files.size(f);
                events += s.messages();
            }
            return new long[] {bytes, events};
        });
        return 0;
    }

    private void section(String name, List<Path> fs, String unit, Pass pass) throws IOException {
        if (fs.isEmpty()) {
            System.out.printf("%-8s %6d %12s%n", name, 0, "(no input)");
            return;
        }
        pass.run(fs); // warm-up: JIT and page cache
        long units = 0, events = 0, passes = 0;
        long t0 = System.nanoTime(), budget = (long) (seconds * 1e9), el;
        do {
            long[] r = pass.run(fs);
            units += r[0];
            events += r[1];
            passes++;
            el = System.nanoTime() - t0;
        } while (el < budget);
        double s = el / 1e9;
        double perS = unit.equals("MB") ? units / 1e6 / s : units / s;
        System.out.printf(Locale.ROOT, "%-8s %6d %12d %14.1f %14.0f %12s%n", name, fs.size(), passes, perS, events / s,
                unit + "/s");
    }

    private static List<Path> defaults() throws IOException {
        Path t = SharedData.tracesDir();
        if (!Files.isDirectory(t)) throw new IOException(t + ": no traces folder (give FILEs or set -Dpcnref.shared=DIR)");
        try (Stream<Path> s = Files.walk(t)) {
            return s.filter(p -> p.getFileName().toString().matches("node\\d+\\.(ftrace\\.txt|dmesg\\.txt|pcap)")).sorted().toList();
        }
    }

    private static String cpuModel() {
        try (Stream<String> l = Files.lines(Path.of("/proc/cpuinfo"))) {
            return l.filter(s -> s.startsWith("model name")).map(s -> s.substring(s.indexOf(':') + 1).strip()).findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
