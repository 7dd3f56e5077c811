package pcnref.trace.pcap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pcnref.kmsg.PcnKmsg;
import pcnref.wire.PcnKmsgCodec;

/** Writes a small pcap of pcn_kmsg messages between nodes 10.4.4.10N (for tests outside this package). */
public final class TestCaptures {
    private static final int PORT = 30467;

    private TestCaptures() {
    }

    /** A message from node {@code from} to node {@code to}. */
    public record Msg(int from, int to, PcnKmsg message) {
    }

    static String ip(int node) {
        return "10.4.4." + (100 + node);
    }

    /** One TCP connection per node pair (the higher node connects to the lower one's port), messages in order. */
    public static Path write(Path dir, String name, List<Msg> msgs) throws IOException {
        SyntheticPcap p = new SyntheticPcap();
        Map<String, Long> seq = new HashMap<>();
        for (Msg m : msgs) {
            int lo = Math.min(m.from(), m.to()), hi = Math.max(m.from(), m.to());
            int eph = 40000 + lo * 100 + hi;
            String key = lo + "-" + hi;
            if (!seq.containsKey(key + ">")) {
                p.tcp(ip(hi), eph, ip(lo), PORT, 1000, SyntheticPcap.SYN, new byte[0]);
                p.tcp(ip(lo), PORT, ip(hi), eph, 5000, SyntheticPcap.SYN | SyntheticPcap.ACK, new byte[0]);
                seq.put(key + ">", 1001L);
                seq.put(key + "<", 5001L);
            }
            byte[] b = PcnKmsgCodec.encode(m.from(), m.message());
            boolean up = m.from() == hi;
            String k = key + (up ? ">" : "<");
            long s = seq.get(k);
            if (up) p.tcp(ip(hi), eph, ip(lo), PORT, s, SyntheticPcap.PSH_ACK, b);
            else p.tcp(ip(lo), PORT, ip(hi), eph, s, SyntheticPcap.PSH_ACK, b);
            seq.put(k, s + b.length);
        }
        return p.write(dir, name);
    }
}
