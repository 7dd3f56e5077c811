package pcnref.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pcnref.trace.pcap.PcapMessageReader;
import pcnref.trace.pcap.PcapOptions;
import pcnref.trace.pcap.Stats;

/** pcap -> messages through {@link PcapMessageReader} (io.pkts + reassembly + codec), one thread. */
final class PcapDecodeBench implements DecodeBenchSection {
    @Override
    public String name() {
        return "pcap";
    }

    @Override
    public List<Figure> run(BenchDecodeCommand.Context ctx) throws Exception {
        List<Path> pcaps = ctx.files(".pcap");
        if (pcaps.isEmpty()) throw new IOException(ctx.traces() + ": no .pcap files");
        long bytesPerPass = 0;
        for (Path p : pcaps) bytesPerPass += Files.size(p);
        long[] sink = new long[1];
        passes(pcaps, ctx.seconds(), sink); // warm-up
        sink[0] = 0;
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        int passes = passes(pcaps, ctx.seconds(), sink);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - c0) / 1e9;
        long msgs = sink[0];
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("pcap decode (reader, 1 thread)", passes * bytesPerPass / secs / 1e6, "MB/s",
                String.format(Locale.ROOT, "%d files, %.2f MB per pass, %d passes in %.1f s, MB = 10^6 bytes",
                        pcaps.size(), bytesPerPass / 1e6, passes, secs)));
        out.add(new Figure("pcap decode per CPU-second", passes * bytesPerPass / cpu / 1e6, "MB/s",
                String.format(Locale.ROOT, "bytes / the JVM's CPU time (%.1f s in %.1f s wall, GC and JIT included): robust to other load", cpu, secs)));
        out.add(new Figure("pcap decode (reader, 1 thread)", msgs / secs, "msgs/s", "pcn_kmsg messages delivered to the sink"));
        if (ctx.bigMb() > 0) out.addAll(big(pcaps, ctx.bigMb()));
        return out;
    }

    /** CPU time of the whole JVM (all threads: the reader, GC, JIT). */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static int passes(List<Path> pcaps, double seconds, long[] sink) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        do {
            for (Path p : pcaps) PcapMessageReader.read(p, PcapOptions.defaults(), m -> sink[0] += m.header().size() > 0 ? 1 : 0);
            n++;
        } while (System.nanoTime() < end);
        return n;
    }

    /** One read of a large synthetic capture: the largest real one repeated with shifted sequence numbers. */
    private static List<Figure> big(List<Path> pcaps, int mb) throws IOException {
        Path src = pcaps.get(0);
        for (Path p : pcaps) if (Files.size(p) > Files.size(src)) src = p;
        Path big = Files.createTempFile("pcn-bench-big", ".pcap");
        try {
            long size = writeRepeated(src, big, (long) mb * 1_000_000);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            System.gc();
            long t0 = System.nanoTime();
            Stats st = PcapMessageReader.read(big, PcapOptions.defaults(), m -> { });
            double secs = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            return List.of(
                    new Figure("big synthetic capture, one read", size / secs / 1e6, "MB/s",
                            String.format(Locale.ROOT, "%.0f MB, %d messages, %d errors%s, from %s", size / 1e6, st.messages(),
                                    st.errorCount(), st.errors().isEmpty() ? "" : " (first: " + st.errors().get(0) + ")",
                                    src.getParent().getFileName() + "/" + src.getFileName())),
                    new Figure("  peak heap during that read", peak / 1048576.0, "MiB",
                            "max heap " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB (set with PCN_JAVA_OPTS=-Xmx..)"));
        } finally {
            Files.deleteIfExists(big);
        }
    }

    /**
     * Writes {@code src}'s records again and again until {@code target} bytes, shifting every TCP sequence
     * number by the bytes each direction carried per copy so that the streams continue seamlessly.
     * SYN/RST segments are kept only in the first copy. Ethernet/IPv4 only (the recordings are).
     */
    private static long writeRepeated(Path src, Path dst, long target) throws IOException {
        byte[] in = Files.readAllBytes(src);
        ByteBuffer le = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        // per flow: how far the sequence numbers advance in one copy (from the first seq to the highest end)
        java.util.Map<String, Long> first = new java.util.HashMap<>();
        java.util.Map<String, Long> perCopy = new java.util.HashMap<>();
        for (int pos = 24; pos + 16 <= in.length; pos += 16 + le.getInt(pos + 8)) {
            int tcp = tcpOffset(in, pos + 16);
            if (tcp < 0) continue;
            String flow = flow(in, pos + 16);
            long seq = ByteBuffer.wrap(in).getInt(tcp + 4) & 0xffffffffL;
            if ((in[tcp + 13] & 0x02) != 0) { // SYN: the data starts after it, and it is not repeated
                first.put(flow, (seq + 1) & 0xffffffffL);
                continue;
            }
            long f = first.computeIfAbsent(flow, k -> seq);
            perCopy.merge(flow, ((seq - f) & 0xffffffffL) + payloadLen(in, pos + 16, tcp), Math::max);
        }
        long written = 0;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dst), 1 << 20)) {
            out.write(in, 0, 24);
            written += 24;
            for (int copy = 0; written < target; copy++) {
                for (int pos = 24; pos + 16 <= in.length; ) {
                    int len = le.getInt(pos + 8);
                    int tcp = tcpOffset(in, pos + 16);
                    byte[] rec = java.util.Arrays.copyOfRange(in, pos, pos + 16 + len);
                    pos += 16 + len;
                    if (tcp >= 0) {
                        int t = tcp - (pos - 16 - len) + 0;
                        int flags = rec[t + 13] & 0xff;
                        if (copy > 0 && (flags & 0x06) != 0) continue; // SYN or RST: once
                        ByteBuffer be = ByteBuffer.wrap(rec);
                        long shift = copy * perCopy.getOrDefault(flow(in, pos - len), 0L);
                        be.putInt(t + 4, (int) (be.getInt(t + 4) + shift));
                    }
                    out.write(rec);
                    written += rec.length;
                }
            }
        }
        return written;
    }

    /** Offset of the TCP header of the frame at {@code f} (Ethernet/IPv4), or -1. */
    private static int tcpOffset(byte[] b, int f) {
        if (b[f + 12] != 0x08 || b[f + 13] != 0x00 || b[f + 14 + 9] != 6) return -1;
        return f + 14 + (b[f + 14] & 0x0f) * 4;
    }

    private static int payloadLen(byte[] b, int f, int tcp) {
        int ipLen = ((b[f + 16] & 0xff) << 8) | (b[f + 17] & 0xff);
        return ipLen - (tcp - f - 14) - ((b[tcp + 12] & 0xf0) >> 4) * 4;
    }

    private static String flow(byte[] b, int f) {
        int ip = f + 14;
        int tcp = tcpOffset(b, f);
        return java.util.HexFormat.of().formatHex(b, ip + 12, ip + 20) + ":" + java.util.HexFormat.of().formatHex(b, tcp, tcp + 4);
    }
}
