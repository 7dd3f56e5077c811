package pcnref.trace.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small Ethernet/IPv4/TCP pcaps for tests (checksums left 0: nobody verifies them). */
final class SyntheticPcap {
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH_ACK = 0x18;
    static final int ACK = 0x10;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long ts = 1_700_000_000_000_000L;
    private int ipId;

    SyntheticPcap() {
        ByteBuffer g = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        g.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(g.array());
    }

    /** One TCP segment from src to dst; addresses are "a.b.c.d". */
    SyntheticPcap tcp(String src, int sp, String dst, int dp, long seq, int flags, byte[] payload, int off, int len) {
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + 20 + len).order(ByteOrder.BIG_ENDIAN);
        f.put(new byte[] {0x52, 0x54, 0, 0, 0, 0x10, 0x52, 0x54, 0, 0, 0, 0x11}).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) (40 + len)).putShort((short) ipId++).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(ip(src)).put(ip(dst));
        f.putShort((short) sp).putShort((short) dp).putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags)
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        f.put(payload, off, len);
        record(f.array());
        return this;
    }

    SyntheticPcap tcp(String src, int sp, String dst, int dp, long seq, int flags, byte[] payload) {
        return tcp(src, sp, dst, dp, seq, flags, payload, 0, payload.length);
    }

    /** A non-TCP frame (ARP), to be skipped. */
    SyntheticPcap arp() {
        byte[] f = new byte[42];
        f[12] = 0x08;
        f[13] = 0x06;
        record(f);
        return this;
    }

    private void record(byte[] frame) {
        ts += 100;
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) (ts / 1_000_000)).putInt((int) (ts % 1_000_000)).putInt(frame.length).putInt(frame.length);
        out.writeBytes(r.array());
        out.writeBytes(frame);
    }

    private static byte[] ip(String s) {
        String[] p = s.split("\\.");
        return new byte[] {(byte) Integer.parseInt(p[0]), (byte) Integer.parseInt(p[1]), (byte) Integer.parseInt(p[2]),
                (byte) Integer.parseInt(p[3])};
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), bytes());
    }
}
