package pcnref.kmsg;

/**
 * vma_info_request_t (type 7, 26 bytes; kernel/popcorn/types.h): a remote faulted in an unknown VMA and
 * asks the origin (vma_server.c:vma_server_fetch_vma).
 */
public record VmaInfoRequest(int originPid, int remotePid, long addr) implements VmaKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.VMA_INFO_REQUEST;
    }
}
