package pcnref.trace.pcap;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import pcnref.wire.DecodedKmsg;
import pcnref.wire.PcnKmsgCodec;
import pcnref.wire.PcnKmsgHeader;
import pcnref.wire.WireFormatException;

/**
 * One direction of one TCP connection: puts segments back in sequence order (dropping retransmitted
 * bytes, holding early segments until their gap fills) and cuts the byte stream into messages by
 * header.size (msg_layer/socket.c writes them back to back, wire-format.md §1).
 *
 * <p>Memory: the framing buffer holds at most one message (<= 64 KiB) plus one segment; out-of-order
 * segments are bounded by {@link PcapOptions#maxPendingBytes}. This is the reader's one mutable hot path.
 */
final class Direction {
    interface Sink {
        void message(Direction d, long streamOffset, DecodedKmsg m);

        void error(Direction d, String line);
    }

    final String srcIp;
    final int srcPort;
    final String dstIp;
    final int dstPort;
    private final int maxPending;
    private final Sink sink;

    private boolean synced;     // base known (SYN seen, or first data segment taken as the start)
    private long isnPlus1;      // u32 sequence number of stream offset 0
    private long next;          // stream offset of the next expected byte
    private final TreeMap<Long, byte[]> pending = new TreeMap<>();
    private long pendingBytes;
    private boolean stopped;    // a fatal framing error or a lost gap: ignore the rest until a new SYN

    private byte[] buf = new byte[8192];
    private int bufLen;         // bytes of unfinished message(s) in buf
    private long bufOffset;     // stream offset of buf[0]

    long retransmitted;
    long outOfOrder;
    long streamBytes;

    Direction(String srcIp, int srcPort, String dstIp, int dstPort, int maxPending, Sink sink) {
        this.srcIp = srcIp;
        this.srcPort = srcPort;
        this.dstIp = dstIp;
        this.dstPort = dstPort;
        this.maxPending = maxPending;
        this.sink = sink;
    }

    String flow() {
        return srcIp + ":" + srcPort + ">" + dstIp + ":" + dstPort;
    }

    /** A SYN: a new connection on this 4-tuple starts at seq + 1. */
    void syn(long seq) {
        long isn = (seq + 1) & 0xffffffffL;
        if (synced && isn == isnPlus1) return; // retransmitted SYN
        if (synced && (next > 0 || bufLen > 0)) {
            flushIncomplete("a new connection (SYN) on the same ports");
        }
        reset();
        synced = true;
        isnPlus1 = isn;
    }

    private void reset() {
        next = 0;
        pending.clear();
        pendingBytes = 0;
        bufLen = 0;
        bufOffset = 0;
        stopped = false;
    }

    /** A segment carrying {@code len > 0} payload bytes {@code p[off..]} at sequence number {@code seq}. */
    void data(long seq, byte[] p, int off, int len) {
        if (!synced) {
            synced = true; // capture began mid-connection: the first byte seen is offset 0
            isnPlus1 = seq & 0xffffffffL;
        }
        if (stopped) return;
        // 32-bit wrap-around: place seq nearest to the expected position
        int delta = (int) (seq - ((isnPlus1 + next) & 0xffffffffL));
        long start = next + delta;
        long end = start + len;
        if (end <= next) {
            retransmitted++;
            return;
        }
        if (start > next) {
            byte[] have = pending.get(start);
            if (have != null && have.length >= len) {
                retransmitted++; // a copy of a segment already waiting
            } else {
                outOfOrder++;
                if (have != null) pendingBytes -= have.length;
                pending.put(start, Arrays.copyOfRange(p, off, off + len));
                pendingBytes += len;
            }
            if (pendingBytes > maxPending && !stopped) {
                stop("gap at stream offset " + next + " never filled (" + pendingBytes + " bytes waiting): bytes lost from the capture");
            }
            return;
        }
        deliver(p, off + (int) (next - start), (int) (end - next));
        while (!pending.isEmpty() && pending.firstKey() <= next) {
            Map.Entry<Long, byte[]> e = pending.pollFirstEntry();
            byte[] q = e.getValue();
            pendingBytes -= q.length;
            long qEnd = e.getKey() + q.length;
            if (qEnd > next) deliver(q, (int) (next - e.getKey()), (int) (qEnd - next));
            else retransmitted++; // fully covered by bytes delivered meanwhile
        }
    }

    private void deliver(byte[] p, int off, int len) {
        next += len;
        streamBytes += len;
        if (stopped) return;
        // frame directly out of the segment when nothing is buffered (the common case), else append
        if (bufLen == 0) {
            int used = frame(p, off, len, next - len);
            if (used < len) append(p, off + used, len - used, next - (len - used));
        } else {
            append(p, off, len, bufOffset);
            int used = frame(buf, 0, bufLen, bufOffset);
            if (used > 0) {
                System.arraycopy(buf, used, buf, 0, bufLen - used);
                bufLen -= used;
                bufOffset += used;
            }
        }
    }

    private void append(byte[] p, int off, int len, long offsetOfBuf0IfEmpty) {
        if (bufLen == 0) bufOffset = offsetOfBuf0IfEmpty;
        if (bufLen + len > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLen + len));
        System.arraycopy(p, off, buf, bufLen, len);
        bufLen += len;
    }

    /** Decodes every complete message in b[off, off+len) (stream offset {@code at}); returns the bytes consumed. */
    private int frame(byte[] b, int off, int len, long at) {
        int used = 0;
        while (!stopped && len - used >= PcnKmsgHeader.SIZE) {
            PcnKmsgHeader h;
            try {
                h = PcnKmsgCodec.decodeHeader(b, off + used, len - used, at + used);
            } catch (WireFormatException e) {
                // a size we cannot trust: no way to find the next message boundary
                stop("stream offset " + e.offset() + ": " + e.detail() + "; rest of this direction not decoded");
                return len;
            }
            int size = (int) h.size();
            if (len - used < size) break;
            try {
                DecodedKmsg m = new DecodedKmsg(h, PcnKmsgCodec.decodePayload(h, b, off + used, at + used));
                sink.message(this, at + used, m);
            } catch (WireFormatException e) {
                // well-sized but not decodable (unknown type, wrong size): report, skip it, carry on
                sink.error(this, "stream offset " + e.offset() + ": " + e.detail() + "; message skipped");
            }
            used += size;
        }
        if (stopped) return len;
        if (buf.length > 2 * PcnKmsgCodec.MAX_SIZE && bufLen == 0) buf = new byte[8192];
        return used;
    }

    private void stop(String why) {
        stopped = true;
        sink.error(this, why);
        bufLen = 0;
        pending.clear();
        pendingBytes = 0;
    }

    /** Bytes still waiting at the end: an unfinished message, or segments after a gap. */
    long incompleteBytes() {
        return bufLen + pendingBytes;
    }

    /** RST or a reused 4-tuple: what is left can never complete. */
    void flushIncomplete(String why) {
        if (bufLen > 0 || pendingBytes > 0) {
            sink.error(this, "stream offset " + (bufOffset) + ": " + bufLen + " bytes of an unfinished message and "
                    + pendingBytes + " bytes after a gap dropped at " + why);
        }
        bufLen = 0;
        pending.clear();
        pendingBytes = 0;
    }
}
