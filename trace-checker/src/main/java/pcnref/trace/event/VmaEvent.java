package pcnref.trace.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * A VMA-server line (debug-lines.md VS-1..VS-32, PG-19): VMA faults, VMA_INFO, forwarded mmap/munmap/
 * brk/madvise/mprotect/mremap and their results.
 *
 * @param op     the operation ("mmap", "munmap", "brk", "madvise", "mprotect", "mremap", "map+", "map0"...), when named
 * @param peer   "[pid/nid]" when printed
 * @param values the numbers of the line in order (addresses, lengths, prot, flags, pgoff), as unsigned hex
 * @param ret    a signed return value when the line prints one (decimal %d/%ld, or the origin's %lx)
 * @param text   a path when the line prints one
 */
public record VmaEvent(Source source, Integer node, long timeNs, Clock clock, int pid, Step step, String op, Peer peer,
                       @JsonSerialize(contentUsing = HexLong.class) List<Long> values, Long ret, String text)
        implements TraceEvent {
    public VmaEvent {
        values = List.copyOf(values);
    }

    public enum Step {
        /** "## VMAFAULT [pid] addr ip" (VS-29): fault with no local VMA; values = addr, ip. */
        VMA_FAULT,
        /** "  [pid] addr ->[pid/nid]" (VS-30) is a {@link LoggedMessage}; this is "  [pid] addr already pended" (VS-31). */
        ALREADY_PENDED,
        /** "## VMA_INFO [pid] start -- end flags" (VS-24): origin serves VMA_INFO_REQUEST. */
        INFO_SERVED,
        /** "  [pid] path + pgoff" (VS-25, VS-28). */
        INFO_FILE,
        /** "  [pid] vm_start addr" (VS-26): remote applies a VMA_INFO_RESPONSE. */
        INFO_UPDATE,
        /** "  [pid] map+|map0|map1|map2 ..." (VS-1..4): op = the variant. */
        MAP,
        /** "## VMA mmap|munmap|brk-ed|madvise-d" / "VMA mprotect|mremap" (VS-5,8,10,12,14,16): a remote forwards a call. */
        CALL,
        /** "  [pid] path" after "## VMA mmap" (VS-6). */
        CALL_PATH,
        /** "  [pid] ret ..." after a CALL (VS-7,9,11,13,15). */
        CALL_RESULT,
        /** "VMA_OP_REQUEST [pid] op addr len" (VS-20): a node handles VMA_OP_REQUEST. */
        OP_REQUEST,
        /** "  [pid] ->op ret" (VS-21). */
        OP_RESULT,
        /** "  [pid] ret addr -- end prot flags" (VS-19): origin executed a forwarded mmap. */
        OP_AT_ORIGIN,
        /** "  [pid] ->munmap [pid/nid] start+len" (VS-17). */
        MUNMAP_PROPAGATE,
        /** "  [pid] Cannot open path ret" (VS-18). */
        CANNOT_OPEN,
        /** "vma_info: vma does not [really ]exist at addr" (VS-22, VS-23). */
        NO_VMA,
        /** "__update_vma: cannot find backing file path" (VS-27). */
        NO_BACKING_FILE,
        /** "  [pid] nid nr_pages / range start-end" (VS-32, PG-19). */
        MADVISE_RELEASE
    }
}
