package pcnref.kmsg;

/**
 * vma_op_request_t (type 9, 578 bytes; kernel/popcorn/types.h): a remote forwards mmap/munmap/mprotect/
 * mremap/madvise/brk to the origin, or the origin propagates munmap (vma_server.c). The kernel's unions
 * are one component each, named after their first member; the other names are accessors:
 * {addr, start, brk}, {len, oldLen}, {prot, behavior (low 4 bytes), newLen}, {pgoff, newAddr}.
 * path is only filled for mmap of a file (stale bytes otherwise).
 *
 * @param operation VMA_OP_NOP -1, MMAP 0, MUNMAP 1, MPROTECT 2, MREMAP 3, MADVISE 4, BRK 5
 */
public record VmaOpRequest(int originPid, int remotePid, int remoteWs, int operation, long addr, long len, long prot, long flags,
                           long pgoff, FixedString path) implements VmaKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.VMA_OP_REQUEST;
    }

    public static final int VMA_OP_NOP = -1;
    public static final int VMA_OP_MMAP = 0;
    public static final int VMA_OP_MUNMAP = 1;
    public static final int VMA_OP_MPROTECT = 2;
    public static final int VMA_OP_MREMAP = 3;
    public static final int VMA_OP_MADVISE = 4;
    public static final int VMA_OP_BRK = 5;
    public static final int PATH_SIZE = 512;

    public long start() {
        return addr;
    }

    public long brk() {
        return addr;
    }

    public long oldLen() {
        return len;
    }

    /** int behavior: the first 4 bytes of the prot union slot. */
    public int behavior() {
        return (int) prot;
    }

    public long newLen() {
        return prot;
    }

    public long newAddr() {
        return pgoff;
    }

    /** The log name used by vma_server.c ("mmap", "munmap", ...), or the number. */
    public static String operationName(int op) {
        return switch (op) {
            case VMA_OP_NOP -> "nop";
            case VMA_OP_MMAP -> "mmap";
            case VMA_OP_MUNMAP -> "munmap";
            case VMA_OP_MPROTECT -> "mprotect";
            case VMA_OP_MREMAP -> "mremap";
            case VMA_OP_MADVISE -> "madvise";
            case VMA_OP_BRK -> "brk";
            default -> Integer.toString(op);
        };
    }
}
