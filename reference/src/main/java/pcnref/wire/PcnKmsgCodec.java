package pcnref.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import pcnref.kmsg.*;

/**
 * The byte-exact pcn_kmsg codec: packed little-endian x86_64 layout of include/popcorn/pcn_kmsg.h and
 * kernel/popcorn/types.h (offsets: wire-format.md §2-§6). {@code encode(decode(bytes)) == bytes} for every
 * well-formed message, stale bytes included (they are kept in RawBytes/FixedString components).
 *
 * <p>Decoding dispatches on the header type and checks header.size against the struct's size (the
 * kernel's senders always pass sizeof, wire-format.md §4). Two types have two layouts, told apart by
 * size: 17 (remote_page_release_t, or remote_page_flush_t for the flush START marker) and 22
 * (test_request_t, variable). Every error is a {@link WireFormatException} naming the byte offset.
 */
public final class PcnKmsgCodec {
    /** PCN_KMSG_MAX_SIZE: the largest message, header included. */
    public static final int MAX_SIZE = 65536;
    public static final int PAGE_SIZE = PageContents.PAGE_SIZE;
    /** sizeof(test_request_t) without its msg[] tail. */
    public static final int TEST_REQUEST_MIN_SIZE = 26;

    private static final int[] STRUCT_SIZE = new int[256];

    static {
        Arrays.fill(STRUCT_SIZE, -1);
        size(PcnKmsgType.NODE_INFO, 22);
        size(PcnKmsgType.TASK_MIGRATE, 1470);
        size(PcnKmsgType.TASK_MIGRATE_BACK, 858);
        size(PcnKmsgType.TASK_PAIRING, 22);
        size(PcnKmsgType.TASK_EXIT_ORIGIN, 22);
        size(PcnKmsgType.TASK_EXIT_REMOTE, 22);
        size(PcnKmsgType.VMA_INFO_REQUEST, 26);
        size(PcnKmsgType.VMA_INFO_RESPONSE, 570);
        size(PcnKmsgType.VMA_OP_REQUEST, 578);
        size(PcnKmsgType.VMA_OP_RESPONSE, 50);
        size(PcnKmsgType.REMOTE_PAGE_REQUEST, 58);
        size(PcnKmsgType.REMOTE_PAGE_RESPONSE, 34 + PAGE_SIZE);
        size(PcnKmsgType.REMOTE_PAGE_RESPONSE_SHORT, 34);
        size(PcnKmsgType.PAGE_INVALIDATE_REQUEST, 30);
        size(PcnKmsgType.PAGE_INVALIDATE_RESPONSE, 22);
        size(PcnKmsgType.REMOTE_PAGE_FLUSH, 42 + PAGE_SIZE);
        size(PcnKmsgType.REMOTE_PAGE_RELEASE, 42); // or 4138, see decode
        size(PcnKmsgType.REMOTE_PAGE_FLUSH_ACK, 22);
        size(PcnKmsgType.FUTEX_REQUEST, 66);
        size(PcnKmsgType.FUTEX_RESPONSE, 22);
        size(PcnKmsgType.TEST_REQUEST, TEST_REQUEST_MIN_SIZE); // minimum, see decode
        size(PcnKmsgType.TEST_RESPONSE, 18);
        size(PcnKmsgType.TEST_RDMA_REQUEST, 46);
        size(PcnKmsgType.REMOTE_PROC_CPUINFO_REQUEST, 10 + RemoteCpuInfoData.CPU_INFO_DATA_SIZE + 8);
        size(PcnKmsgType.REMOTE_PROC_CPUINFO_RESPONSE, 10 + RemoteCpuInfoData.CPU_INFO_DATA_SIZE + 8);
        size(PcnKmsgType.REMOTE_PROC_MEMINFO_REQUEST, 18);
        size(PcnKmsgType.REMOTE_PROC_MEMINFO_RESPONSE, 370);
        size(PcnKmsgType.REMOTE_PROC_PS_REQUEST, 22);
        size(PcnKmsgType.REMOTE_PROC_PS_RESPONSE, 22);
        size(PcnKmsgType.SCHED_PERIODIC, 22);
    }

    private static void size(PcnKmsgType t, int n) {
        STRUCT_SIZE[t.value] = n;
    }

    private PcnKmsgCodec() {
    }

    /**
     * sizeof the struct a type travels as (header included), or -1 for a type without one (1 STAT_START,
     * 21 STAT_END, 25 TEST_RDMA_RESPONSE, 33..255). For 17 the release size (42), for 22 the minimum.
     */
    public static int structSize(int type) {
        return type >= 0 && type < 256 ? STRUCT_SIZE[type] : -1;
    }

    // ------------------------------------------------------------------------------------------ decode

    public static DecodedKmsg decode(byte[] b) {
        return decode(b, 0, b.length, 0);
    }

    /** Decodes the message at {@code b[off]}; {@code len} bytes are available; offsets reported from 0 = b[off]. */
    public static DecodedKmsg decode(byte[] b, int off, int len) {
        return decode(b, off, len, 0);
    }

    /**
     * Decodes the one message starting at {@code b[off]} (it may be followed by more bytes; only
     * header.size are read). {@code base} is the offset reported for {@code b[off]} in errors (e.g. the
     * stream offset).
     */
    public static DecodedKmsg decode(byte[] b, int off, int len, long base) {
        PcnKmsgHeader h = decodeHeader(b, off, len, base);
        if (len < h.size()) {
            throw new WireFormatException(base + len, "short frame: " + describe(h) + " has size " + h.size()
                    + ", only " + len + " bytes present");
        }
        return new DecodedKmsg(h, decodePayload(h, b, off, base));
    }

    /** Decodes the message at the buffer's position and advances the position past it. */
    public static DecodedKmsg decode(ByteBuffer buf) {
        int pos = buf.position();
        int len = buf.remaining();
        DecodedKmsg d;
        if (buf.hasArray()) {
            d = decode(buf.array(), buf.arrayOffset() + pos, len, pos);
        } else {
            byte[] copy = new byte[(int) Math.min(len, MAX_SIZE)];
            buf.get(pos, copy);
            d = decode(copy, 0, copy.length, pos);
        }
        buf.position(pos + (int) d.header().size());
        return d;
    }

    /**
     * Reads and checks the header at {@code b[off]}: at least 10 bytes present and 10 <= size <= 65536.
     * The type is not checked here (a framer can skip a well-sized message of an unknown type).
     */
    public static PcnKmsgHeader decodeHeader(byte[] b, int off, int len, long base) {
        if (len < PcnKmsgHeader.SIZE) {
            throw new WireFormatException(base + len, "short frame: " + len + " bytes, a pcn_kmsg_hdr needs 10");
        }
        PcnKmsgHeader h = PcnKmsgHeader.read(b, off);
        long size = h.size();
        if (size < PcnKmsgHeader.SIZE || size > MAX_SIZE) {
            throw new WireFormatException(base + 2, "header size " + Long.toUnsignedString(size)
                    + " outside 10.." + MAX_SIZE + " (type " + h.type() + ")");
        }
        return h;
    }

    /**
     * Decodes the payload of a message whose header (already checked by {@link #decodeHeader}) is
     * {@code h} and whose size bytes start at {@code b[o]}.
     */
    public static PcnKmsg decodePayload(PcnKmsgHeader h, byte[] b, int o, long base) {
        int type = h.type();
        int size = (int) h.size();
        int expected = structSize(type);
        if (expected < 0) {
            throw new WireFormatException(base + 1, "unknown pcn_kmsg type " + type
                    + (type < PcnKmsgType.MAX ? " (" + PcnKmsgType.of(type).name() + ": no struct, never sent)" : ""));
        }
        boolean sizeOk = size == expected
                || type == PcnKmsgType.REMOTE_PAGE_RELEASE.value && size == 42 + PAGE_SIZE
                || type == PcnKmsgType.TEST_REQUEST.value && size >= expected;
        if (!sizeOk) {
            throw new WireFormatException(base + 2, describe(h) + " has size " + size + ", sizeof the struct is " + expected);
        }
        PcnKmsgType t = PcnKmsgType.of(type);
        return switch (t) {
            case NODE_INFO -> new NodeInfo(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case TASK_MIGRATE -> new CloneRequest(i(b, o + 10), i(b, o + 14), l(b, o + 18), l(b, o + 26), l(b, o + 34),
                    l(b, o + 42), l(b, o + 50), l(b, o + 58), l(b, o + 66), l(b, o + 74), l(b, o + 82), l(b, o + 90),
                    l(b, o + 98), l(b, o + 106), i(b, o + 114), l(b, o + 118), str(b, o + 126, CloneRequest.EXE_PATH_SIZE),
                    fieldArch(b, o + 638));
            case TASK_MIGRATE_BACK -> new BackMigrationRequest(i(b, o + 10), i(b, o + 14), i(b, o + 18), i(b, o + 22),
                    fieldArch(b, o + 26));
            case TASK_PAIRING -> new RemoteTaskPairing(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case TASK_EXIT_ORIGIN -> new OriginTaskExit(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case TASK_EXIT_REMOTE -> new RemoteTaskExit(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case VMA_INFO_REQUEST -> new VmaInfoRequest(i(b, o + 10), i(b, o + 14), l(b, o + 18));
            case VMA_INFO_RESPONSE -> new VmaInfoResponse(i(b, o + 10), i(b, o + 14), l(b, o + 18), l(b, o + 26),
                    l(b, o + 34), l(b, o + 42), l(b, o + 50), str(b, o + 58, VmaInfoResponse.VM_FILE_PATH_SIZE));
            case VMA_OP_REQUEST -> new VmaOpRequest(i(b, o + 10), i(b, o + 14), i(b, o + 18), i(b, o + 22), l(b, o + 26),
                    l(b, o + 34), l(b, o + 42), l(b, o + 50), l(b, o + 58), str(b, o + 66, VmaOpRequest.PATH_SIZE));
            case VMA_OP_RESPONSE -> new VmaOpResponse(i(b, o + 10), i(b, o + 14), i(b, o + 18), i(b, o + 22), l(b, o + 26),
                    l(b, o + 34), l(b, o + 42));
            case REMOTE_PAGE_REQUEST -> new RemotePageRequest(i(b, o + 10), i(b, o + 14), i(b, o + 18), l(b, o + 22),
                    l(b, o + 30), l(b, o + 38), l(b, o + 46), i(b, o + 54));
            case REMOTE_PAGE_RESPONSE -> new RemotePageResponse(i(b, o + 10), i(b, o + 14), i(b, o + 18), l(b, o + 22),
                    i(b, o + 30), page(b, o + 34));
            case REMOTE_PAGE_RESPONSE_SHORT -> new RemotePageResponseShort(i(b, o + 10), i(b, o + 14), i(b, o + 18),
                    l(b, o + 22), i(b, o + 30));
            case PAGE_INVALIDATE_REQUEST -> new PageInvalidateRequest(i(b, o + 10), i(b, o + 14), i(b, o + 18), l(b, o + 22));
            case PAGE_INVALIDATE_RESPONSE -> new PageInvalidateResponse(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case REMOTE_PAGE_FLUSH -> flush(t, b, o);
            case REMOTE_PAGE_RELEASE -> size == 42
                    ? new RemotePageRelease(i(b, o + 10), i(b, o + 14), i(b, o + 18), i(b, o + 22), l(b, o + 26), l(b, o + 34))
                    : flush(t, b, o);
            case REMOTE_PAGE_FLUSH_ACK -> new RemotePageFlushAck(i(b, o + 10), l(b, o + 14));
            case FUTEX_REQUEST -> new RemoteFutexRequest(i(b, o + 10), i(b, o + 14), i(b, o + 18), i(b, o + 22),
                    new Timespec64(l(b, o + 26), l(b, o + 34)), l(b, o + 42), l(b, o + 50), i(b, o + 58), i(b, o + 62));
            case FUTEX_RESPONSE -> new RemoteFutexResponse(i(b, o + 10), l(b, o + 14));
            case TEST_REQUEST -> new TestRequest(l(b, o + 10), l(b, o + 18), RawBytes.copyOf(b, o + 26, size - 26));
            case TEST_RESPONSE -> new TestResponse(l(b, o + 10));
            case TEST_RDMA_REQUEST -> new TestRdmaRequest(l(b, o + 10), i(b, o + 18), l(b, o + 22), l(b, o + 30), l(b, o + 38));
            case REMOTE_PROC_CPUINFO_REQUEST, REMOTE_PROC_CPUINFO_RESPONSE -> new RemoteCpuInfoData(t,
                    RawBytes.copyOf(b, o + 10, RemoteCpuInfoData.CPU_INFO_DATA_SIZE), i(b, o + 27674), i(b, o + 27678));
            case REMOTE_PROC_MEMINFO_REQUEST -> new RemoteMemInfoRequest(i(b, o + 10), i(b, o + 14));
            case REMOTE_PROC_MEMINFO_RESPONSE -> new RemoteMemInfoResponse(i(b, o + 10), i(b, o + 14),
                    l(b, o + 18),
                    l(b, o + 26),
                    l(b, o + 34),
                    l(b, o + 42),
                    l(b, o + 50),
                    l(b, o + 58),
                    l(b, o + 66),
                    l(b, o + 74),
                    l(b, o + 82),
                    l(b, o + 90),
                    l(b, o + 98),
                    l(b, o + 106),
                    l(b, o + 114),
                    l(b, o + 122),
                    l(b, o + 130),
                    l(b, o + 138),
                    l(b, o + 146),
                    l(b, o + 154),
                    l(b, o + 162),
                    l(b, o + 170),
                    l(b, o + 178),
                    l(b, o + 186),
                    l(b, o + 194),
                    l(b, o + 202),
                    l(b, o + 210),
                    l(b, o + 218),
                    l(b, o + 226),
                    l(b, o + 234),
                    l(b, o + 242),
                    l(b, o + 250),
                    l(b, o + 258),
                    l(b, o + 266),
                    l(b, o + 274),
                    l(b, o + 282),
                    l(b, o + 290),
                    l(b, o + 298),
                    l(b, o + 306),
                    l(b, o + 314),
                    l(b, o + 322),
                    l(b, o + 330),
                    l(b, o + 338),
                    l(b, o + 346),
                    l(b, o + 354),
                    l(b, o + 362));
            case REMOTE_PROC_PS_REQUEST -> new RemotePsRequest(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case REMOTE_PROC_PS_RESPONSE -> new RemotePsResponse(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case SCHED_PERIODIC -> new SchedPeriodicReq(i(b, o + 10), i(b, o + 14), i(b, o + 18));
            case STAT_START, STAT_END, TEST_RDMA_RESPONSE -> throw new AssertionError("no struct size for " + t);
        };
    }

    private static String describe(PcnKmsgHeader h) {
        PcnKmsgType t = h.kmsgType();
        return "type " + h.type() + (t == null ? "" : " " + t.name());
    }

    private static int i(byte[] b, int off) {
        return Le.i32(b, off);
    }

    private static long l(byte[] b, int off) {
        return Le.i64(b, off);
    }

    private static FixedString str(byte[] b, int off, int n) {
        return new FixedString(RawBytes.copyOf(b, off, n));
    }

    private static PageContents page(byte[] b, int off) {
        return new PageContents.Bytes(RawBytes.copyOf(b, off, PAGE_SIZE));
    }

    private static RemotePageFlush flush(PcnKmsgType t, byte[] b, int o) {
        return new RemotePageFlush(t, i(b, o + 10), i(b, o + 14), i(b, o + 18), i(b, o + 22), l(b, o + 26), l(b, o + 34),
                page(b, o + 42));
    }

    private static FieldArch fieldArch(byte[] b, int a) {
        int u = a + FieldArch.UNION_OFFSET;
        RegsetX86_64 r = new RegsetX86_64(l(b, u), l(b, u + 8), l(b, u + 16), l(b, u + 24), l(b, u + 32), l(b, u + 40),
                l(b, u + 48), l(b, u + 56), l(b, u + 64), l(b, u + 72), l(b, u + 80), l(b, u + 88), l(b, u + 96),
                l(b, u + 104), l(b, u + 112), l(b, u + 120), l(b, u + 128),
                RawBytes.copyOf(b, u + RegsetX86_64.MMX_OFFSET, 64), RawBytes.copyOf(b, u + RegsetX86_64.PAD_OFFSET, 8),
                RawBytes.copyOf(b, u + RegsetX86_64.XMM_OFFSET, 256), RawBytes.copyOf(b, u + RegsetX86_64.ST_OFFSET, 128),
                i(b, u + 592), i(b, u + 596), i(b, u + 600), i(b, u + 604), i(b, u + 608), i(b, u + 612), l(b, u + 616));
        return new FieldArch(l(b, a), RawBytes.copyOf(b, a + 8, 32), b[a + 40] & 0xff, RawBytes.copyOf(b, a + 41, 7), r,
                RawBytes.copyOf(b, u + RegsetX86_64.SIZE, FieldArch.UNION_SIZE - RegsetX86_64.SIZE));
    }

    // ------------------------------------------------------------------------------------------ encode

    /** The header.size this record travels with (the struct's sizeof; test_request_t: 26 + msg). */
    public static int sizeOf(PcnKmsg m) {
        return switch (m) {
            case RemotePageFlush f -> 42 + PAGE_SIZE;
            case TestRequest r -> TEST_REQUEST_MIN_SIZE + r.msg().length();
            default -> STRUCT_SIZE[m.type().value];
        };
    }

    /** The header a node sends this message with: prio NORMAL, the record's type and size. */
    public static PcnKmsgHeader headerFor(int fromNid, PcnKmsg m) {
        return new PcnKmsgHeader(fromNid, PcnKmsgHeader.PRIO_NORMAL, m.type().value, sizeOf(m));
    }

    /** Encodes as sent by node {@code fromNid} with prio NORMAL. */
    public static byte[] encode(int fromNid, PcnKmsg m) {
        return encode(headerFor(fromNid, m), m);
    }

    public static byte[] encode(int fromNid, int prio, PcnKmsg m) {
        return encode(new PcnKmsgHeader(fromNid, prio, m.type().value, sizeOf(m)), m);
    }

    /** Encodes {@code m} under header {@code h}, whose type and size must be the record's. */
    public static byte[] encode(PcnKmsgHeader h, PcnKmsg m) {
        byte[] b = new byte[sizeOf(m)];
        encodeInto(h, m, b, 0);
        return b;
    }

    /** Writes header and message into {@code b} at {@code o}; returns the number of bytes written. */
    public static int encodeInto(PcnKmsgHeader h, PcnKmsg m, byte[] b, int o) {
        int size = sizeOf(m);
        if (size > MAX_SIZE) throw new IllegalArgumentException(m.type() + " of " + size + " bytes exceeds PCN_KMSG_MAX_SIZE");
        if (h.type() != m.type().value || h.size() != size) {
            throw new IllegalArgumentException(h + " does not fit " + m.type() + " of size " + size);
        }
        h.write(b, o);
        switch (m) {
            case NodeInfo n -> {
                p32(b, o + 10, n.nid());
                p32(b, o + 14, n.bundleId());
                p32(b, o + 18, n.arch());
            }
            case CloneRequest c -> {
                p32(b, o + 10, c.originTgid());
                p32(b, o + 14, c.originPid());
                p64(b, o + 18, c.taskSize());
                p64(b, o + 26, c.stackStart());
                p64(b, o + 34, c.envStart());
                p64(b, o + 42, c.envEnd());
                p64(b, o + 50, c.argStart());
                p64(b, o + 58, c.argEnd());
                p64(b, o + 66, c.startBrk());
                p64(b, o + 74, c.brk());
                p64(b, o + 82, c.startCode());
                p64(b, o + 90, c.endCode());
                p64(b, o + 98, c.startData());
                p64(b, o + 106, c.endData());
                p32(b, o + 114, c.personality());
                p64(b, o + 118, c.defFlags());
                str(b, o + 126, c.exePath(), CloneRequest.EXE_PATH_SIZE);
                fieldArch(b, o + 638, c.arch());
            }
            case BackMigrationRequest r -> {
                p32(b, o + 10, r.remoteNid());
                p32(b, o + 14, r.remotePid());
                p32(b, o + 18, r.originPid());
                p32(b, o + 22, r.personality());
                fieldArch(b, o + 26, r.arch());
            }
            case RemoteTaskPairing p -> three(b, o, p.myTgid(), p.myPid(), p.yourPid());
            case OriginTaskExit e -> three(b, o, e.originPid(), e.remotePid(), e.exitCode());
            case RemoteTaskExit e -> three(b, o, e.originPid(), e.remotePid(), e.exitCode());
            case VmaInfoRequest r -> {
                p32(b, o + 10, r.originPid());
                p32(b, o + 14, r.remotePid());
                p64(b, o + 18, r.addr());
            }
            case VmaInfoResponse r -> {
                p32(b, o + 10, r.remotePid());
                p32(b, o + 14, r.result());
                p64(b, o + 18, r.addr());
                p64(b, o + 26, r.vmStart());
                p64(b, o + 34, r.vmEnd());
                p64(b, o + 42, r.vmFlags());
                p64(b, o + 50, r.vmPgoff());
                str(b, o + 58, r.vmFilePath(), VmaInfoResponse.VM_FILE_PATH_SIZE);
            }
            case VmaOpRequest r -> {
                p32(b, o + 10, r.originPid());
                p32(b, o + 14, r.remotePid());
                p32(b, o + 18, r.remoteWs());
                p32(b, o + 22, r.operation());
                p64(b, o + 26, r.addr());
                p64(b, o + 34, r.len());
                p64(b, o + 42, r.prot());
                p64(b, o + 50, r.flags());
                p64(b, o + 58, r.pgoff());
                str(b, o + 66, r.path(), VmaOpRequest.PATH_SIZE);
            }
            case VmaOpResponse r -> {
                p32(b, o + 10, r.originPid());
                p32(b, o + 14, r.remotePid());
                p32(b, o + 18, r.remoteWs());
                p32(b, o + 22, r.operation());
                p64(b, o + 26, r.ret());
                p64(b, o + 34, r.addr());
                p64(b, o + 42, r.len());
            }
            case RemotePageRequest r -> {
                p32(b, o + 10, r.originPid());
                p32(b, o + 14, r.originWs());
                p32(b, o + 18, r.remotePid());
                p64(b, o + 22, r.addr());
                p64(b, o + 30, r.faultFlags());
                p64(b, o + 38, r.instrAddr());
                p64(b, o + 46, r.rdmaAddr());
                p32(b, o + 54, r.rdmaKey());
            }
            case RemotePageResponse r -> {
                pageHead(b, o, r.remotePid(), r.originPid(), r.originWs(), r.addr(), r.result());
                page(b, o + 34, r.page());
            }
            case RemotePageResponseShort r -> pageHead(b, o, r.remotePid(), r.originPid(), r.originWs(), r.addr(), r.result());
            case PageInvalidateRequest r -> {
                three(b, o, r.originPid(), r.originWs(), r.remotePid());
                p64(b, o + 22, r.addr());
            }
            case PageInvalidateResponse r -> three(b, o, r.originPid(), r.originWs(), r.remotePid());
            case RemotePageFlush f -> {
                if (f.type() != PcnKmsgType.REMOTE_PAGE_FLUSH && f.type() != PcnKmsgType.REMOTE_PAGE_RELEASE) {
                    throw new IllegalArgumentException("remote_page_flush_t travels as type 16 or 17, not " + f.type());
                }
                flushHead(b, o, f.originPid(), f.remoteNid(), f.remotePid(), f.remoteWs(), f.addr(), f.flags());
                page(b, o + 42, f.page());
            }
            case RemotePageRelease r -> flushHead(b, o, r.originPid(), r.remoteNid(), r.remotePid(), r.remoteWs(), r.addr(), r.flags());
            case RemotePageFlushAck a -> {
                p32(b, o + 10, a.remoteWs());
                p64(b, o + 14, a.flags());
            }
            case RemoteFutexRequest r -> {
                p32(b, o + 10, r.originPid());
                p32(b, o + 14, r.remoteWs());
                p32(b, o + 18, r.op());
                p32(b, o + 22, r.val());
                p64(b, o + 26, r.ts().tvSec());
                p64(b, o + 34, r.ts().tvNsec());
                p64(b, o + 42, r.uaddr());
                p64(b, o + 50, r.uaddr2());
                p32(b, o + 58, r.val2());
                p32(b, o + 62, r.val3());
            }
            case RemoteFutexResponse r -> {
                p32(b, o + 10, r.remoteWs());
                p64(b, o + 14, r.ret());
            }
            case TestRequest r -> {
                p64(b, o + 10, r.flags());
                p64(b, o + 18, r.done());
                r.msg().copyInto(b, o + 26);
            }
            case TestResponse r -> p64(b, o + 10, r.done());
            case TestRdmaRequest r -> {
                p64(b, o + 10, r.rdmaAddr());
                p32(b, o + 18, r.rdmaKey());
                p64(b, o + 22, r.size());
                p64(b, o + 30, r.done());
                p64(b, o + 38, r.flags());
            }
            case RemoteCpuInfoData r -> {
                r.cpuInfoData().copyInto(b, o + 10);
                p32(b, o + 27674, r.nid());
                p32(b, o + 27678, r.originWs());
            }
            case RemoteMemInfoRequest r -> {
                p32(b, o + 10, r.nid());
                p32(b, o + 14, r.originWs());
            }
            case RemoteMemInfoResponse mi -> {
                p32(b, o + 10, mi.nid());
                p32(b, o + 14, mi.originWs());
                p64(b, o + 18, mi.memTotal());
                p64(b, o + 26, mi.memFree());
                p64(b, o + 34, mi.memAvailable());
                p64(b, o + 42, mi.buffers());
                p64(b, o + 50, mi.cached());
                p64(b, o + 58, mi.swapCached());
                p64(b, o + 66, mi.active());
                p64(b, o + 74, mi.inactive());
                p64(b, o + 82, mi.activeAnon());
                p64(b, o + 90, mi.inactiveAnon());
                p64(b, o + 98, mi.activeFile());
                p64(b, o + 106, mi.inactiveFile());
                p64(b, o + 114, mi.unevictable());
                p64(b, o + 122, mi.mlocked());
                p64(b, o + 130, mi.highTotal());
                p64(b, o + 138, mi.highFree());
                p64(b, o + 146, mi.lowTotal());
                p64(b, o + 154, mi.lowFree());
                p64(b, o + 162, mi.mmapCopy());
                p64(b, o + 170, mi.swapTotal());
                p64(b, o + 178, mi.swapFree());
                p64(b, o + 186, mi.dirty());
                p64(b, o + 194, mi.writeback());
                p64(b, o + 202, mi.anonPages());
                p64(b, o + 210, mi.mapped());
                p64(b, o + 218, mi.shmem());
                p64(b, o + 226, mi.slab());
                p64(b, o + 234, mi.sReclaimable());
                p64(b, o + 242, mi.sUnreclaim());
                p64(b, o + 250, mi.kernelStack());
                p64(b, o + 258, mi.pageTables());
                p64(b, o + 266, mi.quicklists());
                p64(b, o + 274, mi.nfsUnstable());
                p64(b, o + 282, mi.bounce());
                p64(b, o + 290, mi.writebackTmp());
                p64(b, o + 298, mi.commitLimit());
                p64(b, o + 306, mi.committedAs());
                p64(b, o + 314, mi.vmallocTotal());
                p64(b, o + 322, mi.vmallocUsed());
                p64(b, o + 330, mi.vmallocChunk());
                p64(b, o + 338, mi.hardwareCorrupted());
                p64(b, o + 346, mi.anonHugePages());
                p64(b, o + 354, mi.cmaTotal());
                p64(b, o + 362, mi.cmaFree());
            }
            case RemotePsRequest r -> three(b, o, r.nid(), r.originPid(), r.originWs());
            case RemotePsResponse r -> three(b, o, r.originWs(), r.uload(), r.sload());
            case SchedPeriodicReq r -> three(b, o, r.power1(), r.power2(), r.power3());
        }
        return size;
    }

    private static void p32(byte[] b, int off, int v) {
        Le.put32(b, off, v);
    }

    private static void p64(byte[] b, int off, long v) {
        Le.put64(b, off, v);
    }

    private static void three(byte[] b, int o, int x, int y, int z) {
        p32(b, o + 10, x);
        p32(b, o + 14, y);
        p32(b, o + 18, z);
    }

    private static void pageHead(byte[] b, int o, int remotePid, int originPid, int originWs, long addr, int result) {
        three(b, o, remotePid, originPid, originWs);
        p64(b, o + 22, addr);
        p32(b, o + 30, result);
    }

    private static void flushHead(byte[] b, int o, int originPid, int remoteNid, int remotePid, int remoteWs, long addr,
                                  long flags) {
        p32(b, o + 10, originPid);
        p32(b, o + 14, remoteNid);
        p32(b, o + 18, remotePid);
        p32(b, o + 22, remoteWs);
        p64(b, o + 26, addr);
        p64(b, o + 34, flags);
    }

    private static void str(byte[] b, int off, FixedString s, int capacity) {
        if (s.capacity() != capacity) {
            throw new IllegalArgumentException("a char[" + capacity + "] field holds " + s.capacity() + " bytes");
        }
        s.raw().copyInto(b, off);
    }

    /** A model {@link PageContents.Value} becomes a page whose first LE int is the value, the rest zero. */
    private static void page(byte[] b, int off, PageContents p) {
        switch (p) {
            case PageContents.Bytes bytes -> bytes.raw().copyInto(b, off);
            case PageContents.Value v -> {
                Arrays.fill(b, off, off + PAGE_SIZE, (byte) 0);
                p32(b, off, v.value());
            }
        }
    }

    private static void fieldArch(byte[] b, int a, FieldArch f) {
        p64(b, a, f.tls());
        f.oob().copyInto(b, a + 8);
        b[a + 40] = (byte) f.fpuActive();
        f.padding().copyInto(b, a + 41);
        int u = a + FieldArch.UNION_OFFSET;
        RegsetX86_64 r = f.regsX86();
        long[] gpr = {r.rip(), r.rax(), r.rdx(), r.rcx(), r.rbx(), r.rsi(), r.rdi(), r.rbp(), r.rsp(),
                r.r8(), r.r9(), r.r10(), r.r11(), r.r12(), r.r13(), r.r14(), r.r15()};
        for (int k = 0; k < gpr.length; k++) p64(b, u + 8 * k, gpr[k]);
        r.mmx().copyInto(b, u + RegsetX86_64.MMX_OFFSET);
        r.pad().copyInto(b, u + RegsetX86_64.PAD_OFFSET);
        r.xmm().copyInto(b, u + RegsetX86_64.XMM_OFFSET);
        r.st().copyInto(b, u + RegsetX86_64.ST_OFFSET);
        p32(b, u + 592, r.cs());
        p32(b, u + 596, r.ss());
        p32(b, u + 600, r.ds());
        p32(b, u + 604, r.es());
        p32(b, u + 608, r.fs());
        p32(b, u + 612, r.gs());
        p64(b, u + 616, r.rflags());
        f.regsTail().copyInto(b, u + RegsetX86_64.SIZE);
    }
}
