package pcnref.wire;

import java.util.Random;
import pcnref.kmsg.*;

/** Seeded random messages of every pcn_kmsg type, stale bytes included (hand-written, no framework). */
final class KmsgGen {
    private final Random r;

    KmsgGen(long seed) {
        this.r = new Random(seed);
    }

    /** Types that have a struct, in the order of enum pcn_kmsg_type. */
    static final int[] TYPES = {0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24,
            26, 27, 28, 29, 30, 31, 32};

    int i() {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(100);
            case 2 -> -1 - r.nextInt(10);
            default -> r.nextInt();
        };
    }

    long l() {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 0x7f0000000000L + (r.nextLong() & 0xfffff000L);
            case 2 -> r.nextInt(1000);
            default -> r.nextLong();
        };
    }

    RawBytes raw(int n) {
        byte[] b = new byte[n];
        if (r.nextBoolean()) r.nextBytes(b);
        return RawBytes.copyOf(b);
    }

    FixedString str(int cap) {
        if (r.nextInt(3) == 0) return new FixedString(raw(cap)); // garbage, maybe no NUL at all
        String s = "/bin/prog" + r.nextInt(1000);
        FixedString f = FixedString.of(s, cap);
        if (r.nextBoolean()) return f;
        byte[] b = f.raw().toByteArray(); // stale bytes after the NUL
        for (int k = s.length() + 1; k < cap; k++) b[k] = (byte) r.nextInt(256);
        return new FixedString(RawBytes.copyOf(b));
    }

    PageContents page() {
        if (r.nextBoolean()) return PageContents.Value.of(r.nextInt(16));
        byte[] b = new byte[PageContents.PAGE_SIZE];
        r.nextBytes(b);
        return new PageContents.Bytes(b);
    }

    FieldArch arch() {
        RegsetX86_64 g = new RegsetX86_64(l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(),
                raw(64), raw(8), raw(256), raw(128), i(), i(), i(), i(), i(), i(), l());
        return new FieldArch(l(), raw(32), r.nextInt(256), raw(7), g, raw(160));
    }

    PcnKmsg message(int type) {
        return switch (PcnKmsgType.of(type)) {
            case NODE_INFO -> new NodeInfo(i(), i(), i());
            case TASK_MIGRATE -> new CloneRequest(i(), i(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), i(), l(),
                    str(512), arch());
            case TASK_MIGRATE_BACK -> new BackMigrationRequest(i(), i(), i(), i(), arch());
            case TASK_PAIRING -> new RemoteTaskPairing(i(), i(), i());
            case TASK_EXIT_ORIGIN -> new OriginTaskExit(i(), i(), i());
            case TASK_EXIT_REMOTE -> new RemoteTaskExit(i(), i(), i());
            case VMA_INFO_REQUEST -> new VmaInfoRequest(i(), i(), l());
            case VMA_INFO_RESPONSE -> new VmaInfoResponse(i(), i(), l(), l(), l(), l(), l(), str(512));
            case VMA_OP_REQUEST -> new VmaOpRequest(i(), i(), i(), i(), l(), l(), l(), l(), l(), str(512));
            case VMA_OP_RESPONSE -> new VmaOpResponse(i(), i(), i(), i(), l(), l(), l());
            case REMOTE_PAGE_REQUEST -> new RemotePageRequest(i(), i(), i(), l(), l(), l(), l(), i());
            case REMOTE_PAGE_RESPONSE -> new RemotePageResponse(i(), i(), i(), l(), i(), page());
            case REMOTE_PAGE_RESPONSE_SHORT -> new RemotePageResponseShort(i(), i(), i(), l(), i());
            case PAGE_INVALIDATE_REQUEST -> new PageInvalidateRequest(i(), i(), i(), l());
            case PAGE_INVALIDATE_RESPONSE -> new PageInvalidateResponse(i(), i(), i());
            case REMOTE_PAGE_FLUSH -> new RemotePageFlush(PcnKmsgType.REMOTE_PAGE_FLUSH, i(), i(), i(), i(), l(), l(), page());
            case REMOTE_PAGE_RELEASE -> r.nextBoolean()
                    ? new RemotePageRelease(i(), i(), i(), i(), l(), l())
                    : new RemotePageFlush(PcnKmsgType.REMOTE_PAGE_RELEASE, i(), i(), i(), i(), l(), RemotePageFlush.FLUSH_FLAG_START, page());
            case REMOTE_PAGE_FLUSH_ACK -> new RemotePageFlushAck(i(), l());
            case FUTEX_REQUEST -> new RemoteFutexRequest(i(), i(), i(), i(), new Timespec64(l(), l()), l(), l(), i(), i());
            case FUTEX_RESPONSE -> new RemoteFutexResponse(i(), l());
            case TEST_REQUEST -> new TestRequest(l(), l(), raw(r.nextInt(3) == 0 ? 0 : r.nextInt(2000)));
            case TEST_RESPONSE -> new TestResponse(l());
            case TEST_RDMA_REQUEST -> new TestRdmaRequest(l(), i(), l(), l(), l());
            case REMOTE_PROC_CPUINFO_REQUEST, REMOTE_PROC_CPUINFO_RESPONSE ->
                    new RemoteCpuInfoData(PcnKmsgType.of(type), raw(RemoteCpuInfoData.CPU_INFO_DATA_SIZE), i(), i());
            case REMOTE_PROC_MEMINFO_REQUEST -> new RemoteMemInfoRequest(i(), i());
            case REMOTE_PROC_MEMINFO_RESPONSE -> new RemoteMemInfoResponse(i(), i(), l(), l(), l(), l(), l(), l(), l(), l(), l(),
                    l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(),
                    l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l(), l());
            case REMOTE_PROC_PS_REQUEST -> new RemotePsRequest(i(), i(), i());
            case REMOTE_PROC_PS_RESPONSE -> new RemotePsResponse(i(), i(), i());
            case SCHED_PERIODIC -> new SchedPeriodicReq(i(), i(), i());
            case STAT_START, STAT_END, TEST_RDMA_RESPONSE -> throw new IllegalArgumentException("no struct for " + type);
        };
    }

    PcnKmsg any() {
        return message(TYPES[r.nextInt(TYPES.length)]);
    }

    int nid() {
        return r.nextInt(64) - 32;
    }

    int prio() {
        return r.nextInt(4);
    }

    /** Random bytes under a valid header of {@code type}: every payload byte is a component's, so they must round-trip. */
    byte[] rawMessage(int type) {
        int size = PcnKmsgCodec.structSize(type);
        if (type == 17 && r.nextBoolean()) size = 42 + 4096;
        if (type == 22) size += r.nextInt(3000);
        byte[] b = new byte[size];
        r.nextBytes(b);
        b[0] = (byte) ((nid() & 0x3f) | (prio() << 6));
        b[1] = (byte) type;
        for (int k = 0; k < 8; k++) b[2 + k] = (byte) ((long) size >>> (8 * k));
        return b;
    }

    Random random() {
        return r;
    }
}
