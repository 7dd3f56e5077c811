package pcnref.wire;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pcnref.kmsg.*;

class PcnKmsgCodecTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[^0-9a-fA-F]", ""));
    }

    /** wire-format.md §7: the worked REMOTE_PAGE_REQUEST, built by the harness with the kernel's structs. */
    static final byte[] WORKED_EXAMPLE = hex("""
            41 0b 3a 00 00 00 00 00 00 00 d2 04 00 00 05 00
            00 00 2e 16 00 00 00 10 40 00 00 7f 00 00 01 00
            00 00 00 00 00 00 2b 1a 40 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00""");

    @Test
    void workedExampleDecodesFieldByField() {
        DecodedKmsg d = PcnKmsgCodec.decode(WORKED_EXAMPLE);
        assertEquals(new PcnKmsgHeader(1, 1, 11, 58), d.header());
        assertEquals(new RemotePageRequest(1234, 5, 5678, 0x7f0000401000L, 0x1, 0x401a2b, 0, 0), d.message());
        assertTrue(((RemotePageRequest) d.message()).isWrite());
        assertArrayEquals(WORKED_EXAMPLE, PcnKmsgCodec.encode(d.header(), d.message()));
        assertArrayEquals(WORKED_EXAMPLE, PcnKmsgCodec.encode(1, d.message()));
    }

    /**
     * A real frame: shared/traces/ft2a-1/node0.pcap frame 24, node 1 -> node 0. node0.dmesg.txt logs it as
     * "REMOTE_PAGE_REQUEST [83] 3fffffe000 R 401bcc from [86/1]".
     */
    @Test
    void realRemotePageRequestFromFt2a() {
        byte[] b = hex("""
                41 0b 3a 00 00 00 00 00 00 00 56 00 00 00 00 00 00 00 53 00 00 00 00 e0 ff ff 3f 00 00 00
                54 00 00 00 00 00 00 00 cc 1b 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00""");
        DecodedKmsg d = PcnKmsgCodec.decode(b);
        assertEquals(new PcnKmsgHeader(1, PcnKmsgHeader.PRIO_NORMAL, 11, 58), d.header());
        RemotePageRequest r = (RemotePageRequest) d.message();
        assertEquals(new RemotePageRequest(86, 0, 83, 0x3fffffe000L, PageKmsg.USER_READ_FLAGS, 0x401bcc, 0, 0), r);
        assertFalse(r.isWrite());
        assertArrayEquals(b, PcnKmsgCodec.encode(1, r));
    }

    /** wire-format.md §7: the answer's header bytes. */
    @Test
    void responseHeadersOfTheWorkedExample() {
        var full = new RemotePageResponse(5678, 1234, 5, 0x7f0000401000L, 0, PageContents.Value.of(0));
        assertArrayEquals(hex("40 0c 22 10 00 00 00 00 00 00"), Arrays.copyOf(PcnKmsgCodec.encode(0, full), 10));
        var shortR = new RemotePageResponseShort(5678, 1234, 5, 0x7f0000401000L, VmFault.VM_FAULT_RETRY);
        byte[] s = PcnKmsgCodec.encode(0, shortR);
        assertEquals(34, s.length);
        assertArrayEquals(hex("40 0d 22 00 00 00 00 00 00 00"), Arrays.copyOf(s, 10));
    }

    /** wire-format.md §2: the bitfield probes printed by the harness. */
    @Test
    void headerBitfieldsAsGccLaysThemOut() {
        assertHeader("01 00 00 00 00 00 00 00 00 00", 1, 0, 0, 0);
        assertHeader("1f 00 00 00 00 00 00 00 00 00", 31, 0, 0, 0);
        assertHeader("3f 00 00 00 00 00 00 00 00 00", -1, 0, 0, 0);
        assertHeader("40 00 00 00 00 00 00 00 00 00", 0, 1, 0, 0);
        assertHeader("c0 00 00 00 00 00 00 00 00 00", 0, 3, 0, 0);
        assertHeader("00 ff 00 00 00 00 00 00 00 00", 0, 0, 255, 0);
        assertHeader("00 00 08 07 06 05 04 03 02 01", 0, 0, 0, 0x0102030405060708L);
        assertHeader("c0 ff ff ff ff ff ff ff ff ff", 0, 3, 255, -1L);
        assertHeader("41 0b 3a 00 00 00 00 00 00 00", 1, 1, 11, 58);
    }

    private static void assertHeader(String bytes, int from, int prio, int type, long size) {
        byte[] b = hex(bytes);
        PcnKmsgHeader h = PcnKmsgHeader.read(b, 0);
        assertEquals(new PcnKmsgHeader(from, prio, type, size), h, bytes);
        byte[] back = new byte[10];
        h.write(back, 0);
        assertArrayEquals(b, back, bytes);
    }

    @Test
    void structSizesAreTheHarnessFigures() {
        int[][] expect = {{0, 22}, {2, 1470}, {3, 858}, {4, 22}, {5, 22}, {6, 22}, {7, 26}, {8, 570}, {9, 578}, {10, 50},
                {11, 58}, {12, 4130}, {13, 34}, {14, 30}, {15, 22}, {16, 4138}, {17, 42}, {18, 22}, {19, 66}, {20, 22},
                {23, 18}, {24, 46}, {26, 27682}, {27, 27682}, {28, 18}, {29, 370}, {30, 22}, {31, 22}, {32, 22}};
        for (int[] e : expect) assertEquals(e[1], PcnKmsgCodec.structSize(e[0]), "type " + e[0]);
        for (int t : new int[] {1, 21, 25, 33, 255}) assertEquals(-1, PcnKmsgCodec.structSize(t));
    }

    /** wire-format.md §6: absolute offsets of a few registers in clone_request_t and back_migration_request_t. */
    @Test
    void registerOffsetsInMigrationMessages() {
        RegsetX86_64 regs = new RegsetX86_64(0x1111111111111111L, 0, 0, 0, 0, 0, 0, 0x2222222222222222L, 0x3333333333333333L,
                0, 0, 0, 0, 0, 0, 0, 0x4444444444444444L, RawBytes.zeros(64), RawBytes.zeros(8), RawBytes.zeros(256),
                RawBytes.zeros(128), 0x55555555, 0, 0, 0, 0, 0x66666666, 0x7777777777777777L);
        FieldArch arch = FieldArch.ofX86(0x0123456789abcdefL, regs);
        byte[] clone = PcnKmsgCodec.encode(0, new CloneRequest(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                FixedString.of("/bin/ft2a", 512), arch));
        assertEquals(1470, clone.length);
        ByteBuffer c = ByteBuffer.wrap(clone).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x0123456789abcdefL, c.getLong(638));
        assertEquals(0x1111111111111111L, c.getLong(686)); // rip
        assertEquals(0x2222222222222222L, c.getLong(742)); // rbp
        assertEquals(0x3333333333333333L, c.getLong(750)); // rsp
        assertEquals(0x4444444444444444L, c.getLong(814)); // r15
        assertEquals(0x55555555, c.getInt(1278)); // cs
        assertEquals(0x66666666, c.getInt(1298)); // gs
        assertEquals(0x7777777777777777L, c.getLong(1302)); // rflags
        assertEquals(15, c.getInt(114)); // personality
        assertEquals(16, c.getLong(118)); // def_flags
        assertEquals('/', clone[126]);
        byte[] back = PcnKmsgCodec.encode(1, new BackMigrationRequest(1, 2, 3, 4, arch));
        assertEquals(858, back.length);
        ByteBuffer k = ByteBuffer.wrap(back).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x0123456789abcdefL, k.getLong(26));
        assertEquals(0x1111111111111111L, k.getLong(74));
        assertEquals(0x3333333333333333L, k.getLong(138));
        assertEquals(0x7777777777777777L, k.getLong(690));
    }

    /** Property: any bytes under a valid header decode and re-encode to the same bytes (stale bytes kept). */
    @Test
    void randomBytesOfEveryTypeRoundTripByteExact() {
        for (long seed = 1; seed <= 40; seed++) {
            KmsgGen g = new KmsgGen(seed);
            for (int type : KmsgGen.TYPES) {
                byte[] b = g.rawMessage(type);
                DecodedKmsg d = PcnKmsgCodec.decode(b);
                assertEquals(type, d.message().type().value, "seed " + seed);
                assertArrayEquals(b, PcnKmsgCodec.encode(d.header(), d.message()), "seed " + seed + " type " + type);
                assertEquals(d, PcnKmsgCodec.decode(PcnKmsgCodec.encode(d.header(), d.message())));
            }
        }
    }

    /** Property: record -> bytes -> record is the identity (a model page value comes back as its page bytes). */
    @Test
    void randomRecordsRoundTrip() {
        KmsgGen g = new KmsgGen(20261127);
        for (int n = 0; n < 3000; n++) {
            PcnKmsg m = g.any();
            PcnKmsgHeader h = new PcnKmsgHeader(g.nid(), g.prio(), m.type().value, PcnKmsgCodec.sizeOf(m));
            byte[] b = PcnKmsgCodec.encode(h, m);
            assertEquals(h.size(), b.length);
            DecodedKmsg d = PcnKmsgCodec.decode(b);
            assertEquals(h, d.header());
            assertEquals(withPageBytes(m), d.message(), "iteration " + n);
            assertArrayEquals(b, PcnKmsgCodec.encode(d.header(), d.message()));
        }
    }

    private static PcnKmsg withPageBytes(PcnKmsg m) {
        return switch (m) {
            case RemotePageResponse r when r.page() instanceof PageContents.Value v ->
                    new RemotePageResponse(r.remotePid(), r.originPid(), r.originWs(), r.addr(), r.result(), bytesOf(v));
            case RemotePageFlush f when f.page() instanceof PageContents.Value v ->
                    new RemotePageFlush(f.type(), f.originPid(), f.remoteNid(), f.remotePid(), f.remoteWs(), f.addr(), f.flags(), bytesOf(v));
            default -> m;
        };
    }

    private static PageContents bytesOf(PageContents.Value v) {
        byte[] p = new byte[PageContents.PAGE_SIZE];
        ByteBuffer.wrap(p).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, v.value());
        return new PageContents.Bytes(p);
    }

    /** Property: a stream of back-to-back messages decodes one by one through the ByteBuffer API. */
    @Test
    void backToBackStreamThroughByteBuffer() {
        KmsgGen g = new KmsgGen(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<PcnKmsg> sent = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            PcnKmsg m = g.any();
            sent.add(withPageBytes(m));
            out.writeBytes(PcnKmsgCodec.encode(g.nid() & 31, m));
        }
        ByteBuffer buf = ByteBuffer.wrap(out.toByteArray());
        for (PcnKmsg m : sent) assertEquals(m, PcnKmsgCodec.decode(buf).message());
        assertFalse(buf.hasRemaining());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 21, 25, 33, 200, 255})
    void unknownTypeNamesByteOne(int type) {
        byte[] b = hex("40 00 16 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
        b[1] = (byte) type;
        WireFormatException e = assertThrows(WireFormatException.class, () -> PcnKmsgCodec.decode(b));
        assertEquals(1, e.offset());
        assertTrue(e.getMessage().startsWith("byte 1: unknown pcn_kmsg type " + type), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void shortFramesAndSizeMismatches() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> PcnKmsgCodec.decode(Arrays.copyOf(WORKED_EXAMPLE, 7)));
        assertEquals("byte 7: short frame: 7 bytes, a pcn_kmsg_hdr needs 10", e.getMessage());
        e = assertThrows(WireFormatException.class, () -> PcnKmsgCodec.decode(Arrays.copyOf(WORKED_EXAMPLE, 57)));
        assertEquals("byte 57: short frame: type 11 REMOTE_PAGE_REQUEST has size 58, only 57 bytes present", e.getMessage());
        byte[] wrongSize = WORKED_EXAMPLE.clone();
        wrongSize[2] = 57;
        e = assertThrows(WireFormatException.class, () -> PcnKmsgCodec.decode(wrongSize));
        assertEquals("byte 2: type 11 REMOTE_PAGE_REQUEST has size 57, sizeof the struct is 58", e.getMessage());
        byte[] tiny = WORKED_EXAMPLE.clone();
        tiny[2] = 9;
        e = assertThrows(WireFormatException.class, () -> PcnKmsgCodec.decode(tiny));
        assertEquals("byte 2: header size 9 outside 10..65536 (type 11)", e.getMessage());
        byte[] huge = WORKED_EXAMPLE.clone();
        huge[9] = (byte) 0x80;
        e = assertThrows(WireFormatException.class, () -> PcnKmsgCodec.decode(huge));
        assertTrue(e.getMessage().startsWith("byte 2: header size 9223372036854775866 outside"), e.getMessage());
        // a base offset (e.g. the stream offset) shifts every reported offset
        e = assertThrows(WireFormatException.class, () -> PcnKmsgCodec.decode(wrongSize, 0, wrongSize.length, 1000));
        assertEquals(1002, e.offset());
    }

    @Test
    void encodeRefusesAHeaderThatDoesNotFit() {
        PcnKmsg m = new NodeInfo(0, 0, NodeInfo.POPCORN_ARCH_X86);
        assertThrows(IllegalArgumentException.class, () -> PcnKmsgCodec.encode(new PcnKmsgHeader(0, 1, 0, 23), m));
        assertThrows(IllegalArgumentException.class, () -> PcnKmsgCodec.encode(new PcnKmsgHeader(0, 1, 4, 22), m));
        assertThrows(IllegalArgumentException.class, () -> new PcnKmsgHeader(32, 1, 0, 22));
        TestRequest tooBig = new TestRequest(0, 0, RawBytes.zeros(PcnKmsgCodec.MAX_SIZE - 25));
        assertThrows(IllegalArgumentException.class, () -> PcnKmsgCodec.encode(0, tooBig));
        assertEquals(PcnKmsgCodec.MAX_SIZE, PcnKmsgCodec.encode(0, new TestRequest(0, 0, RawBytes.zeros(PcnKmsgCodec.MAX_SIZE - 26))).length);
    }

    @Test
    void fixedStringsKeepStaleBytes() {
        byte[] raw = new byte[512];
        byte[] text = "/bin/ft2a".getBytes();
        System.arraycopy(text, 0, raw, 0, text.length);
        raw[100] = 0x5a;
        FixedString s = new FixedString(RawBytes.copyOf(raw));
        assertEquals("/bin/ft2a", s.text());
        assertTrue(s.hasStaleBytes());
        assertFalse(FixedString.of("/bin/ft2a", 512).hasStaleBytes());
        assertEquals(FixedString.of("/bin/ft2a", 512).text(), s.text());
        assertNotEquals(FixedString.of("/bin/ft2a", 512), s);
    }
}
