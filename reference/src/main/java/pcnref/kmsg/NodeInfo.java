package pcnref.kmsg;

/**
 * node_info_t (type 0, 22 bytes; kernel/popcorn/types.h): the first message on every connection, in
 * both directions (bundle.c:broadcast_my_node_info).
 *
 * @param bundleId never set by the sender (0)
 * @param arch     enum popcorn_arch: -1 unknown, 0 arm, 1 x86, 2 ppc, 3 riscv
 */
public record NodeInfo(int nid, int bundleId, int arch) implements NodeKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.NODE_INFO;
    }

    public static final int POPCORN_ARCH_X86 = 1;
}
