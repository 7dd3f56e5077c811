package pcnref.trace.pcap;

import io.pkts.Pcap;
import io.pkts.packet.IPPacket;
import io.pkts.packet.PCapPacket;
import io.pkts.packet.Packet;
import io.pkts.packet.TCPPacket;
import io.pkts.protocol.Protocol;
import io.pkts.buffer.Buffer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import pcnref.wire.DecodedKmsg;

/**
 * Reads the pcn_kmsg messages out of a pcap (Ethernet or Linux cooked), streaming: frames are parsed
 * by io.pkts one at a time, each TCP direction of the message layer is reassembled in sequence order
 * ({@link Direction}) and framed by header.size, and every decoded message goes to the sink as soon as
 * its last byte is in. Memory is bounded by the per-direction buffers, not by the file size.
 *
 * <p>A capture taken on either node works: both directions of each connection are on the link.
 * Errors never throw once the pcap header has been read: they are counted, the first ones kept as
 * one-line strings in {@link Stats#errors()}, and reading goes on (a bad message is skipped; a direction
 * whose framing is lost stops; a truncated file ends the read).
 */
public final class PcapMessageReader {
    private static final int PCAP_GLOBAL_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;

    private final Path file;
    private final String name;
    private final PcapOptions opts;
    private final Consumer<CapturedMessage> sink;
    private final Map<FlowKey, Direction> directions = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    private long frames;
    private long frameOffset = PCAP_GLOBAL_HEADER; // file offset of the current record
    private long timestamp;
    private long tcpSegments;
    private long payloadBytes;
    private long messages;
    private long errorCount;

    private PcapMessageReader(Path file, PcapOptions opts, Consumer<CapturedMessage> sink) {
        this.file = file;
        this.name = file.toString();
        this.opts = opts;
        this.sink = sink;
    }

    /**
     * Reads {@code pcap}, handing each message to {@code sink} in completion order.
     *
     * @throws PcapException when the file cannot be opened or is not a pcap (nothing was decoded)
     */
    public static Stats read(Path pcap, PcapOptions opts, Consumer<CapturedMessage> sink) throws PcapException {
        return new PcapMessageReader(pcap, opts, sink).run();
    }

    /** {@link #read} collecting the messages into a list (for small captures and tests). */
    public static List<CapturedMessage> readAll(Path pcap, PcapOptions opts) throws PcapException {
        List<CapturedMessage> out = new ArrayList<>();
        read(pcap, opts, out::add);
        return out;
    }

    /**
     * Reads a capture from a stream (e.g. stdin); {@code label} names it in messages and in
     * {@link CapturedMessage#file}. The stream is read to its end, not closed.
     */
    public static Stats read(InputStream in, Path label, PcapOptions opts, Consumer<CapturedMessage> sink)
            throws PcapException {
        return new PcapMessageReader(label, opts, sink).run(in);
    }

    private Stats run() throws PcapException {
        if (!Files.exists(file)) throw new PcapException(name + ": no such file");
        try (InputStream in = Files.newInputStream(file)) {
            return run(in);
        } catch (PcapException e) {
            throw e;
        } catch (IOException e) {
            throw new PcapException(name + ": cannot read: " + oneLine(e));
        }
    }

    private Stats run(InputStream raw) throws PcapException {
        CountingInputStream counted = new CountingInputStream(raw);
        InputStream in = new BufferedInputStream(counted, 1 << 16);
        Pcap pcap;
        try {
            pcap = Pcap.openStream(in);
        } catch (Exception | AssertionError e) {
            throw new PcapException(name + ": byte 0: not a pcap file (" + oneLine(e) + ")");
        }
        try {
            pcap.loop(this::onFrame);
        } catch (Exception | AssertionError e) {
            error("frame " + (frames + 1) + " (byte " + frameOffset + "): unreadable pcap record (" + oneLine(e)
                    + "); rest of the file not read");
        }
        long total;
        try {
            total = counted.drain();
        } catch (IOException e) {
            throw new PcapException(name + ": cannot read: " + oneLine(e));
        }
        if (frameOffset < total && errorCount == 0) {
            error("byte " + frameOffset + ": truncated pcap record after frame " + frames + " (file has " + total + " bytes)");
        }
        long incomplete = 0;
        long streamBytes = 0;
        long retrans = 0;
        long ooo = 0;
        for (Direction d : directions.values()) {
            incomplete += d.incompleteBytes();
            streamBytes += d.streamBytes;
            retrans += d.retransmitted;
            ooo += d.outOfOrder;
        }
        return new Stats(frames, tcpSegments, payloadBytes, streamBytes, messages, retrans, ooo, directions.size(),
                incomplete, errorCount, errors);
    }

    /** Counts the bytes pkts pulls, so that a truncated last record can be told from a clean end. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }

        /** Reads to the end; returns the total number of bytes of the stream. */
        long drain() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // counted by read
            }
            return count;
        }
    }

    private boolean onFrame(Packet packet) {
        frames++;
        long recordOffset = frameOffset;
        if (packet instanceof PCapPacket pp) {
            frameOffset += PCAP_RECORD_HEADER + pp.getCapturedLength();
        }
        byte[] src;
        byte[] dst;
        int sp;
        int dp;
        long seq;
        boolean syn;
        boolean rst;
        byte[] bytes;
        try {
            timestamp = packet.getArrivalTime();
            if (!packet.hasProtocol(Protocol.TCP)) return true;
            TCPPacket tcp = (TCPPacket) packet.getPacket(Protocol.TCP);
            sp = tcp.getSourcePort();
            dp = tcp.getDestinationPort();
            if (sp != opts.port() && dp != opts.port()) return true;
            IPPacket ip = tcp.getParentPacket();
            if (ip.isFragmented()) {
                error("frame " + frames + " (byte " + recordOffset + "): IP fragment of the message layer, not reassembled");
                return true;
            }
            src = ip.getRawSourceIP();
            dst = ip.getRawDestinationIP();
            seq = tcp.getSequenceNumber();
            syn = tcp.isSYN();
            rst = tcp.isRST();
            Buffer payload = tcp.getPayload();
            bytes = payload == null || payload.getReadableBytes() == 0 ? null : payload.getArray();
        } catch (Exception | AssertionError e) {
            // io.pkts checks some bounds with Java asserts: with -ea a malformed header is an AssertionError
            error("frame " + frames + " (byte " + recordOffset + "): malformed packet (" + oneLine(e) + ")");
            return true;
        }
        // outside the try: an exception thrown by the caller's sink is the caller's, not a bad frame
        tcpSegments++;
        Direction d = direction(src, sp, dst, dp);
        if (syn) d.syn(seq);
        if (bytes != null) {
            payloadBytes += bytes.length;
            d.data(syn ? seq + 1 : seq, bytes, 0, bytes.length);
        }
        if (rst) d.flushIncomplete("RST (frame " + frames + ")");
        return true;
    }

    /** IPv4 endpoints packed in two longs (address, port): no string per frame; {@code other} for IPv6. */
    private record FlowKey(long src, long dst, String other) {
        static FlowKey of(byte[] srcIp, int sp, byte[] dstIp, int dp) {
            if (srcIp.length == 4 && dstIp.length == 4) return new FlowKey(endpoint(srcIp, sp), endpoint(dstIp, dp), null);
            return new FlowKey(0, 0, ipString(srcIp) + ":" + sp + ">" + ipString(dstIp) + ":" + dp);
        }

        private static long endpoint(byte[] ip, int port) {
            long a = 0;
            for (byte b : ip) a = (a << 8) | (b & 0xff);
            return (a << 16) | port;
        }
    }

    private static String ipString(byte[] ip) {
        if (ip.length != 4) {
            try {
                return java.net.InetAddress.getByAddress(ip).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return java.util.HexFormat.of().formatHex(ip);
            }
        }
        return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
    }

    private Direction direction(byte[] srcIp, int sp, byte[] dstIp, int dp) {
        FlowKey key = FlowKey.of(srcIp, sp, dstIp, dp);
        Direction d = directions.get(key);
        if (d == null) {
            String src = ipString(srcIp);
            String dst = ipString(dstIp);
            d = new Direction(src, sp, dst, dp, opts.maxPendingBytes(), new Direction.Sink() {
                @Override
                public void message(Direction dir, long streamOffset, DecodedKmsg m) {
                    messages++;
                    sink.accept(new CapturedMessage(file, frames, timestamp, dir.srcIp, dir.srcPort, dir.dstIp,
                            dir.dstPort, streamOffset, m.header(), m.message()));
                }

                @Override
                public void error(Direction dir, String line) {
                    PcapMessageReader.this.error("frame " + frames + ", " + dir.flow() + " " + line);
                }
            });
            directions.put(key, d);
        }
        return d;
    }

    private void error(String line) {
        errorCount++;
        if (errors.size() < opts.maxErrors()) errors.add(name + ": " + line);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
