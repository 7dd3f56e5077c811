package pcnref.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pcnref.trace.ReadStats;
import pcnref.trace.dmesg.DmesgReader;
import pcnref.trace.ftrace.FtraceReader;

/**
 * Text logs -> events: {@link FtraceReader} on node*.ftrace.txt and {@link DmesgReader} on node*.dmesg.txt,
 * read from the page cache again and again, events to a counting sink, one thread.
 */
final class LogParseBench implements DecodeBenchSection {
    private interface Reader {
        ReadStats read(Path f) throws IOException;
    }

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public List<Figure> run(BenchDecodeCommand.Context ctx) throws Exception {
        List<Figure> out = new ArrayList<>();
        out.addAll(measure("ftrace", ctx.files(".ftrace.txt"), f -> FtraceReader.read(f, null, e -> { }), ctx));
        out.addAll(measure("dmesg", ctx.files(".dmesg.txt"), f -> DmesgReader.read(f, null, e -> { }), ctx));
        return out;
    }

    private static List<Figure> measure(String what, List<Path> files, Reader r, BenchDecodeCommand.Context ctx)
            throws IOException {
        if (files.isEmpty()) throw new IOException(ctx.traces() + ": no " + what + " files");
        long[] perPass = pass(files, r);
        long end = System.nanoTime() + (long) (ctx.seconds() * 1e9);
        while (System.nanoTime() < end) pass(files, r); // warm-up as long as the measurement
        long c0 = processCpuNanos(), t0 = System.nanoTime();
        end = t0 + (long) (ctx.seconds() * 1e9);
        int passes = 0;
        do {
            pass(files, r);
            passes++;
        } while (System.nanoTime() < end);
        double secs = (System.nanoTime() - t0) / 1e9, cpu = (processCpuNanos() - c0) / 1e9;
        double lines = (double) passes * perPass[0];
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(what + " parse (reader, 1 thread)", lines / secs, "lines/s",
                String.format(Locale.ROOT, "%d files, %d lines (%d events) per pass, %d passes in %.1f s", files.size(),
                        perPass[0], perPass[1], passes, secs)));
        out.add(new Figure(what + " parse per CPU-second", lines / cpu, "lines/s",
                String.format(Locale.ROOT, "lines / the JVM's CPU time (%.1f s in %.1f s wall)", cpu, secs)));
        if (ctx.bigMb() > 0) out.addAll(big(what, files, r, ctx.bigMb()));
        return out;
    }

    /** {lines, events} of one pass over every file. */
    private static long[] pass(List<Path> files, Reader r) throws IOException {
        long lines = 0, events = 0;
        for (Path f : files) {
            ReadStats s = r.read(f);
            lines += s.lines();
            events += s.totalEvents();
        }
        return new long[] {lines, events};
    }

    /** One read of a big log made of the largest real one repeated: speed and peak heap (streaming check). */
    private static List<Figure> big(String what, List<Path> files, Reader r, int mb) throws IOException {
        Path src = files.getFirst();
        for (Path p : files) if (Files.size(p) > Files.size(src)) src = p;
        Path big = Files.createTempFile("pcn-bench-big", "." + what + ".txt");
        try {
            List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
            long size = 0, target = (long) mb * 1_000_000;
            try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
                while (size < target) {
                    for (String l : lines) {
                        w.write(l);
                        w.write('\n');
                        size += l.length() + 1;
                    }
                }
            }
            lines = null;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            System.gc();
            long t0 = System.nanoTime();
            ReadStats st = r.read(big);
            double secs = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            return List.of(
                    new Figure("big " + what + " log, one read", st.lines() / secs, "lines/s",
                            String.format(Locale.ROOT, "%.0f MB, %d lines, %d events, %d unrecognised, from %s",
                                    size / 1e6, st.lines(), st.totalEvents(), st.unrecognisedLines(),
                                    src.getParent().getFileName() + "/" + src.getFileName())),
                    new Figure("  peak heap during that read", peak / 1048576.0, "MiB",
                            "max heap " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB (set with PCN_JAVA_OPTS=-Xmx..)"));
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
