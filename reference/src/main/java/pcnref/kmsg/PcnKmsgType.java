package pcnref.kmsg;

/** enum pcn_kmsg_type, include/popcorn/pcn_kmsg.h: the header's type byte, numerically identical. */
public enum PcnKmsgType {
    NODE_INFO(0),
    STAT_START(1),
    TASK_MIGRATE(2),
    TASK_MIGRATE_BACK(3),
    TASK_PAIRING(4),
    TASK_EXIT_ORIGIN(5),
    TASK_EXIT_REMOTE(6),
    VMA_INFO_REQUEST(7),
    VMA_INFO_RESPONSE(8),
    VMA_OP_REQUEST(9),
    VMA_OP_RESPONSE(10),
    REMOTE_PAGE_REQUEST(11),
    REMOTE_PAGE_RESPONSE(12),
    REMOTE_PAGE_RESPONSE_SHORT(13),
    PAGE_INVALIDATE_REQUEST(14),
    PAGE_INVALIDATE_RESPONSE(15),
    REMOTE_PAGE_FLUSH(16),
    REMOTE_PAGE_RELEASE(17),
    REMOTE_PAGE_FLUSH_ACK(18),
    FUTEX_REQUEST(19),
    FUTEX_RESPONSE(20),
    STAT_END(21),
    TEST_REQUEST(22),
    TEST_RESPONSE(23),
    TEST_RDMA_REQUEST(24),
    TEST_RDMA_RESPONSE(25),
    REMOTE_PROC_CPUINFO_REQUEST(26),
    REMOTE_PROC_CPUINFO_RESPONSE(27),
    REMOTE_PROC_MEMINFO_REQUEST(28),
    REMOTE_PROC_MEMINFO_RESPONSE(29),
    REMOTE_PROC_PS_REQUEST(30),
    REMOTE_PROC_PS_RESPONSE(31),
    SCHED_PERIODIC(32);

    /** PCN_KMSG_TYPE_MAX: the receiver BUG()s on a type at or above it (CONFIG_POPCORN_CHECK_SANITY). */
    public static final int MAX = 33;

    private static final PcnKmsgType[] BY_VALUE = values();

    public final int value;

    PcnKmsgType(int value) {
        this.value = value;
    }

    /** The type for a header byte, or null when the byte is not a pcn_kmsg_type (>= PCN_KMSG_TYPE_MAX). */
    public static PcnKmsgType of(int value) {
        return value >= 0 && value < MAX ? BY_VALUE[value] : null;
    }
}
