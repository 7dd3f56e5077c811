package pcnref.kmsg;

/**
 * vma_info_response_t (type 8, 570 bytes; kernel/popcorn/types.h): the origin's VMA covering addr.
 * result is 0 or -ENOENT (-2), in which case the vm_* fields and vm_file_path are stale bytes;
 * an empty vm_file_path means an anonymous VMA (vma_server.c).
 */
public record VmaInfoResponse(int remotePid, int result, long addr, long vmStart, long vmEnd, long vmFlags, long vmPgoff,
                              FixedString vmFilePath) implements VmaKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.VMA_INFO_RESPONSE;
    }

    public static final int VM_FILE_PATH_SIZE = 512;
}
