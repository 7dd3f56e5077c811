package pcnref.trace.pcap;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcnref.kmsg.*;
import pcnref.wire.PcnKmsgCodec;

/** TCP reassembly on synthetic captures: split, retransmitted, reordered, wrapped, broken. */
class ReassemblyTest {
    static final String N0 = "10.4.4.100";
    static final String N1 = "10.4.4.101";
    static final int PORT = 30467;
    static final int EPH = 40312;

    @TempDir
    Path dir;

    /** A conversation's messages from one side, as bytes back to back, and the records sent. */
    record Side(byte[] stream, List<PcnKmsg> sent) {
    }

    static Side side(Random r, int fromNid, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<PcnKmsg> sent = new ArrayList<>();
        PcnKmsg first = new NodeInfo(fromNid, 0, NodeInfo.POPCORN_ARCH_X86);
        sent.add(first);
        out.writeBytes(PcnKmsgCodec.encode(fromNid, first));
        for (int k = 1; k < n; k++) {
            long addr = 0x7f0000000000L + ((long) r.nextInt(1 << 20) << 12);
            PcnKmsg m = switch (r.nextInt(4)) {
                case 0 -> new RemotePageRequest(r.nextInt(500), k, r.nextInt(500), addr, PageKmsg.USER_WRITE_FLAGS, 0x401000 + k, 0, 0);
                case 1 -> {
                    byte[] page = new byte[4096];
                    r.nextBytes(page);
                    yield new RemotePageResponse(r.nextInt(500), r.nextInt(500), k, addr, 0, new PageContents.Bytes(page));
                }
                case 2 -> new RemoteFutexRequest(83, k, 0x80, 1, Timespec64.ZERO, addr, 0, 0, 0xffffffff);
                default -> new VmaInfoResponse(85, 0, addr, addr, addr + 4096, 0x73, 0, FixedString.of("/bin/kmeans", 512));
            };
            sent.add(m);
            out.writeBytes(PcnKmsgCodec.encode(fromNid, m));
        }
        return new Side(out.toByteArray(), sent);
    }

    record Seg(boolean fromN1, long seq, int off, int len) {
    }

    /** Cuts a stream into segments of 1..maxSeg bytes starting at stream offset 0 = isn + 1. */
    static List<Seg> cut(Random r, boolean fromN1, long isn, int length, int maxSeg) {
        List<Seg> segs = new ArrayList<>();
        for (int off = 0; off < length; ) {
            int len = Math.min(length - off, 1 + r.nextInt(maxSeg));
            segs.add(new Seg(fromN1, (isn + 1 + off) & 0xffffffffL, off, len));
            off += len;
        }
        return segs;
    }

    private Path capture(String name, long isn0, long isn1, Side s0, Side s1, List<Seg> segs) throws Exception {
        SyntheticPcap p = new SyntheticPcap();
        p.arp();
        p.tcp(N1, EPH, N0, PORT, isn1, SyntheticPcap.SYN, new byte[0]);
        p.tcp(N0, PORT, N1, EPH, isn0, SyntheticPcap.SYN | SyntheticPcap.ACK, new byte[0]);
        for (Seg g : segs) {
            if (g.fromN1) p.tcp(N1, EPH, N0, PORT, g.seq, SyntheticPcap.PSH_ACK, s1.stream, g.off, g.len);
            else p.tcp(N0, PORT, N1, EPH, g.seq, SyntheticPcap.PSH_ACK, s0.stream, g.off, g.len);
        }
        return p.write(dir, name);
    }

    private static void assertReceived(Side s0, Side s1, List<CapturedMessage> got) {
        List<PcnKmsg> from0 = new ArrayList<>();
        List<PcnKmsg> from1 = new ArrayList<>();
        for (CapturedMessage m : got) {
            (m.srcIp().equals(N0) ? from0 : from1).add(m.message());
            assertEquals(m.srcIp().equals(N0) ? 0 : 1, m.header().fromNid());
        }
        assertEquals(s0.sent, from0);
        assertEquals(s1.sent, from1);
    }

    @Test
    void inOrderSegmentsOfAnySize() throws Exception {
        Random r = new Random(1);
        Side s0 = side(r, 0, 60);
        Side s1 = side(r, 1, 60);
        List<Seg> segs = new ArrayList<>(cut(r, false, 1000, s0.stream.length, 3000));
        List<Seg> segs1 = cut(r, true, 5000, s1.stream.length, 7);
        segs.addAll(segs1);
        segs.sort((a, b) -> Integer.compare(a.off, b.off)); // interleave the two directions
        Path pcap = capture("inorder.pcap", 1000, 5000, s0, s1, segs);
        List<CapturedMessage> got = new ArrayList<>();
        Stats st = PcapMessageReader.read(pcap, PcapOptions.defaults(), got::add);
        assertTrue(st.clean(), st.errors().toString());
        assertReceived(s0, s1, got);
        assertEquals(120, st.messages());
        assertEquals(0, st.retransmitted());
        assertEquals(0, st.outOfOrder());
        assertEquals(IndependentCount.count(pcap, PORT).messages(), st.messages());
        assertEquals(2, st.directions());
        assertEquals(0, got.get(0).streamOffset());
    }

    @Test
    void retransmissionsAndReorderingAndOverlapsAreUndone() throws Exception {
        for (long seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            Side s0 = side(r, 0, 40);
            Side s1 = side(r, 1, 40);
            long isn0 = r.nextBoolean() ? 0xffffffffL - r.nextInt(3000) : r.nextInt(); // wrap-around half the time
            long isn1 = 0xfffffff0L;
            List<Seg> segs = new ArrayList<>(cut(r, false, isn0, s0.stream.length, 1448));
            segs.addAll(cut(r, true, isn1 & 0xffffffffL, s1.stream.length, 1448));
            Collections.shuffle(segs, r); // worst case: any order
            List<Seg> noisy = new ArrayList<>();
            for (Seg g : segs) {
                noisy.add(g);
                if (r.nextInt(4) == 0) noisy.add(g); // exact retransmission
                if (r.nextInt(6) == 0 && g.len > 2) { // a retransmission overlapping the segment's second half
                    int h = g.len / 2;
                    noisy.add(new Seg(g.fromN1, (g.seq + h) & 0xffffffffL, g.off + h, g.len - h));
                }
            }
            Path pcap = capture("noisy" + seed + ".pcap", isn0, isn1, s0, s1, noisy);
            List<CapturedMessage> got = new ArrayList<>();
            Stats st = PcapMessageReader.read(pcap, PcapOptions.defaults(), got::add);
            assertTrue(st.clean(), "seed " + seed + ": " + st.errors());
            assertReceived(s0, s1, got);
            assertTrue(st.retransmitted() > 0 && st.outOfOrder() > 0, "seed " + seed + ": " + st);
            assertEquals(s0.stream.length + s1.stream.length, st.streamBytes());
            assertEquals(0, st.incompleteBytes());
        }
    }

    @Test
    void captureStartingMidConnectionAtAMessageBoundary() throws Exception {
        Random r = new Random(3);
        Side s1 = side(r, 1, 10);
        SyntheticPcap p = new SyntheticPcap();
        for (Seg g : cut(r, true, 77, s1.stream.length, 500)) p.tcp(N1, EPH, N0, PORT, g.seq, SyntheticPcap.PSH_ACK, s1.stream, g.off, g.len);
        List<CapturedMessage> got = PcapMessageReader.readAll(p.write(dir, "nosyn.pcap"), PcapOptions.defaults());
        assertEquals(s1.sent, got.stream().map(CapturedMessage::message).toList());
    }

    @Test
    void portIsConfigurable() throws Exception {
        Random r = new Random(4);
        Side s1 = side(r, 1, 5);
        SyntheticPcap p = new SyntheticPcap();
        p.tcp(N1, EPH, N0, 4000, 10, SyntheticPcap.PSH_ACK, s1.stream);
        Path f = p.write(dir, "port.pcap");
        assertEquals(0, PcapMessageReader.read(f, PcapOptions.defaults(), m -> { }).messages());
        assertEquals(5, PcapMessageReader.read(f, PcapOptions.defaults().withPort(4000), m -> { }).messages());
    }

    @Test
    void aBadMessageIsReportedAndSkipped() throws Exception {
        Random r = new Random(5);
        Side s1 = side(r, 1, 6);
        byte[] bad = PcnKmsgCodec.encode(1, new NodeInfo(1, 0, 1));
        bad[1] = 1; // STAT_START: no struct, never sent
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(s1.stream);
        s.writeBytes(bad);
        s.writeBytes(PcnKmsgCodec.encode(1, new RemoteTaskExit(83, 85, 0)));
        byte[] stream = s.toByteArray();
        SyntheticPcap p = new SyntheticPcap();
        p.tcp(N1, EPH, N0, PORT, 99, SyntheticPcap.SYN, new byte[0]);
        p.tcp(N1, EPH, N0, PORT, 100, SyntheticPcap.PSH_ACK, stream);
        Path f = p.write(dir, "bad.pcap");
        List<CapturedMessage> got = new ArrayList<>();
        Stats st = PcapMessageReader.read(f, PcapOptions.defaults(), got::add);
        assertEquals(7, got.size());
        assertEquals(new RemoteTaskExit(83, 85, 0), got.get(6).message());
        assertEquals(1, st.errorCount());
        assertEquals(f + ": frame 2, 10.4.4.101:40312>10.4.4.100:30467 stream offset " + (s1.stream.length + 1)
                + ": unknown pcn_kmsg type 1 (STAT_START: no struct, never sent); message skipped", st.errors().get(0));
    }

    @Test
    void anUntrustworthySizeStopsThatDirectionOnly() throws Exception {
        Random r = new Random(6);
        Side s0 = side(r, 0, 4);
        Side s1 = side(r, 1, 4);
        byte[] broken = new byte[s1.stream.length + 30];
        System.arraycopy(s1.stream, 0, broken, 0, s1.stream.length);
        broken[s1.stream.length] = 0x41;
        broken[s1.stream.length + 2] = 3; // size 3 < header
        SyntheticPcap p = new SyntheticPcap();
        p.tcp(N1, EPH, N0, PORT, 0, SyntheticPcap.PSH_ACK, broken);
        p.tcp(N1, EPH, N0, PORT, broken.length, SyntheticPcap.PSH_ACK, s1.stream); // ignored: framing lost
        p.tcp(N0, PORT, N1, EPH, 0, SyntheticPcap.PSH_ACK, s0.stream);
        Path f = p.write(dir, "size.pcap");
        List<CapturedMessage> got = new ArrayList<>();
        Stats st = PcapMessageReader.read(f, PcapOptions.defaults(), got::add);
        assertReceived(s0, s1, got);
        assertEquals(1, st.errorCount());
        assertTrue(st.errors().get(0).contains("frame 1, 10.4.4.101:40312>10.4.4.100:30467 stream offset "
                + (s1.stream.length + 2) + ": header size 3 outside 10..65536"), st.errors().get(0));
    }

    @Test
    void aGapThatNeverFillsIsReportedAndBounded() throws Exception {
        Random r = new Random(7);
        Side s1 = side(r, 1, 30);
        List<Seg> segs = cut(r, true, 0, s1.stream.length, 1000);
        Seg lost = segs.remove(3); // lost by the capture
        SyntheticPcap p = new SyntheticPcap();
        p.tcp(N1, EPH, N0, PORT, 0, SyntheticPcap.SYN, new byte[0]);
        for (Seg g : segs) p.tcp(N1, EPH, N0, PORT, g.seq, SyntheticPcap.PSH_ACK, s1.stream, g.off, g.len);
        Path f = p.write(dir, "gap.pcap");
        Stats st = PcapMessageReader.read(f, new PcapOptions(PORT, 5000, 10), m -> { });
        assertEquals(1, st.errorCount(), st.errors().toString());
        assertTrue(st.errors().get(0).contains("gap at stream offset " + lost.off() + " never filled"), st.errors().get(0));
        assertTrue(st.messages() > 0 && st.messages() < 30);
        // with room to wait, the gap is simply left open at the end: no error, bytes counted as incomplete
        Stats patient = PcapMessageReader.read(f, PcapOptions.defaults(), m -> { });
        assertTrue(patient.clean());
        assertTrue(patient.incompleteBytes() > 0);
    }

    @Test
    void aTruncatedFileKeepsWhatWasDecoded() throws Exception {
        Path full = SharedTraces.tracesDir().resolve("ft2b-1/node0.pcap");
        byte[] all = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.pcap"), java.util.Arrays.copyOf(all, all.length * 2 / 3));
        List<CapturedMessage> got = new ArrayList<>();
        Stats st = PcapMessageReader.read(cut, PcapOptions.defaults(), got::add);
        assertFalse(got.isEmpty());
        assertEquals(1, st.errorCount(), st.errors().toString());
        String e = st.errors().get(0);
        assertTrue(e.startsWith(cut + ": "), e);
        assertTrue(e.matches(".*(byte \\d+|frame \\d+).*"), e);
        assertFalse(e.contains("\n"));
        List<CapturedMessage> ref = PcapMessageReader.readAll(full, PcapOptions.defaults());
        for (int i = 0; i < got.size(); i++) assertEquals(ref.get(i).message(), got.get(i).message());
    }

    @Test
    void notAPcapIsOneLine() throws Exception {
        Path f = Files.writeString(dir.resolve("x.pcap"), "hello, this is not a capture");
        PcapException e = assertThrows(PcapException.class, () -> PcapMessageReader.read(f, PcapOptions.defaults(), m -> { }));
        assertTrue(e.getMessage().startsWith(f + ": byte 0: not a pcap file"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        PcapException missing = assertThrows(PcapException.class,
                () -> PcapMessageReader.read(dir.resolve("nope.pcap"), PcapOptions.defaults(), m -> { }));
        assertEquals(dir.resolve("nope.pcap") + ": no such file", missing.getMessage());
    }
}
