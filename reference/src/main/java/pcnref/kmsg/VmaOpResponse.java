package pcnref.kmsg;

/**
 * vma_op_response_t (type 10, 50 bytes; kernel/popcorn/types.h): the origin's answer to a
 * VMA_OP_REQUEST (vma_server.c). Union {addr, start, brk} is the component addr.
 */
public record VmaOpResponse(int originPid, int remotePid, int remoteWs, int operation, long ret, long addr, long len) implements VmaKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.VMA_OP_RESPONSE;
    }

    public long start() {
        return addr;
    }

    public long brk() {
        return addr;
    }
}
