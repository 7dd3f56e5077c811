package pcnref.trace.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deliberately simple, separate count of the messages in a capture, sharing no code with the reader:
 * reads the whole file (test captures are small), parses pcap/Ethernet/IPv4/TCP by hand, keeps each
 * direction's payload keyed by sequence number (a repeated sequence number is a retransmission), joins
 * it and walks the 10-byte headers by their size field. Good for the captures in shared/traces and for
 * synthetic ones; not a general TCP implementation.
 */
final class IndependentCount {
    /** frames: every message's bytes, per direction in stream order (directions in no particular order). */
    record Result(long messages, TreeSet<Integer> types, long leftoverBytes, java.util.List<byte[]> frames) {
    }

    static Result count(Path pcap, int port) throws IOException {
        byte[] all = Files.readAllBytes(pcap);
        ByteBuffer le = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer f = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN); // network order
        int magic = le.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) throw new IOException("not a little-endian pcap");
        int linkType = le.getInt(20);
        Map<String, TreeMap<Long, byte[]>> streams = new HashMap<>();
        Map<String, Long> isn = new HashMap<>();
        int pos = 24;
        while (pos + 16 <= f.limit()) {
            int incl = le.getInt(pos + 8);
            int frame = pos + 16;
            pos = frame + incl;
            int ip = switch (linkType) {
                case 1 -> (f.getShort(frame + 12) & 0xffff) == 0x0800 ? frame + 14 : -1;
                case 113 -> (f.getShort(frame + 14) & 0xffff) == 0x0800 ? frame + 16 : -1;
                default -> throw new IOException("link type " + linkType);
            };
            if (ip < 0 || (f.get(ip + 9) & 0xff) != 6) continue;
            int ihl = (f.get(ip) & 0x0f) * 4;
            int ipLen = f.getShort(ip + 2) & 0xffff;
            int tcp = ip + ihl;
            int sp = f.getShort(tcp) & 0xffff;
            int dp = f.getShort(tcp + 2) & 0xffff;
            if (sp != port && dp != port) continue;
            long seq = f.getInt(tcp + 4) & 0xffffffffL;
            int flags = f.get(tcp + 13) & 0xff;
            int doff = ((f.get(tcp + 12) & 0xf0) >> 4) * 4;
            String key = ipStr(f, ip + 12) + ":" + sp + ">" + ipStr(f, ip + 16) + ":" + dp;
            if ((flags & 0x02) != 0) isn.put(key, seq + 1);
            int payloadLen = ipLen - ihl - doff;
            if (payloadLen <= 0) continue;
            byte[] data = new byte[payloadLen];
            f.get(tcp + doff, data);
            long base = isn.computeIfAbsent(key, k -> seq);
            long rel = (seq - base) & 0xffffffffL;
            streams.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(rel, data);
        }
        long messages = 0;
        long leftover = 0;
        TreeSet<Integer> types = new TreeSet<>();
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        for (TreeMap<Long, byte[]> segs : streams.values()) {
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            long at = 0;
            for (Map.Entry<Long, byte[]> e : segs.entrySet()) {
                long s = e.getKey();
                byte[] d = e.getValue();
                if (s + d.length <= at) continue;
                if (s > at) break; // a hole: stop this direction
                joined.write(d, (int) (at - s), (int) (s + d.length - at));
                at = s + d.length;
            }
            ByteBuffer b = ByteBuffer.wrap(joined.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            int p = 0;
            while (p + 10 <= b.limit()) {
                long size = b.getLong(p + 2);
                if (size < 10 || p + size > b.limit()) break;
                types.add(b.get(p + 1) & 0xff);
                frames.add(java.util.Arrays.copyOfRange(b.array(), p, p + (int) size));
                messages++;
                p += (int) size;
            }
            leftover += b.limit() - p;
        }
        return new Result(messages, types, leftover, frames);
    }

    private static String ipStr(ByteBuffer f, int at) {
        return (f.get(at) & 0xff) + "." + (f.get(at + 1) & 0xff) + "." + (f.get(at + 2) & 0xff) + "." + (f.get(at + 3) & 0xff);
    }
}
