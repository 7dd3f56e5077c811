package pcnref.trace.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A page-server sub-step logged by PGPRINTK (debug-lines.md PG-1..PG-42 except the message lines,
 * which are {@link LoggedMessage}): fault-handle lifecycle, the decision taken, waits, back-off, zap.
 *
 * @param addr   page address when the line prints one
 * @param handle the printed fault-handle pointer (%p: hashed, or "(____ptrval____)"), when printed
 * @param detail the free text of the line where it varies (e.g. "origin remote", "not mine", "local write")
 * @param value  a number the line carries (backoff weight, failed result), when any
 */
public record FaultStep(Source source, Integer node, long timeNs, Clock clock, int pid, Step step,
                        @JsonSerialize(using = HexLong.class) Long addr, String handle, String detail, Long value)
        implements TraceEvent {

    /** What the line says; catalogue id of debug-lines.md in the comment. */
    public enum Step {
        /** " +[pid] addr ptr": about to sleep on a handle (PG-2, PG-5). */
        HANDLE_SLEEP,
        /** " =[pid] addr [ptr]": leader / woke up / no handle (PG-3, PG-4, PG-31 leader). */
        HANDLE_LEADER,
        /** " -[pid] addr ptr": follower at a remote (PG-31). */
        HANDLE_FOLLOWER,
        /** " >[pid] addr ptr": a user left the handle, others remain (PG-8). */
        HANDLE_LEAVE,
        /** ">>[pid] addr ptr": the last user left the handle (PG-9). */
        HANDLE_DONE,
        /** " %c[pid] addr replicated [not ]mine ptr" (PG-37); detail = "mine"/"not mine", value 1 if leader. */
        REPLICATED,
        /** " =[pid] [origin ][remote] ptr" (PG-26); detail = the owner words. */
        ORIGIN_DECISION,
        /** "  [pid] remote|local write|read ongoing, wait" (PG-1). */
        INVALIDATION_WAIT,
        /** "  [pid] waits ptr" (PG-6). */
        WAITS,
        /** "  [pid] locked. retry ptr" (PG-7). */
        LOCKED_RETRY,
        /** "  [pid] VM_EXEC. continue" (PG-39). */
        VM_EXEC_CONTINUE,
        /** "  [pid] locally file-mapped read-only. continue" (PG-40). */
        FILE_READONLY_CONTINUE,
        /** "  [pid] might be fixed by others???" (PG-41). */
        MIGHT_BE_FIXED,
        /** "  [pid] [addr ]fresh at origin[,.] continue" (PG-33, PG-35). */
        FRESH_AT_ORIGIN,
        /** "  [pid] addr already handled" (PG-30, PG-34). */
        ALREADY_HANDLED,
        /** "  [pid] local at origin. continue" (PG-36). */
        LOCAL_AT_ORIGIN,
        /** "  [pid] handle local fault at origin" (PG-25). */
        HANDLE_LOCAL_AT_ORIGIN,
        /** "  [pid] No PTE!!" (PG-23, PG-24). */
        NO_PTE,
        /** "  [pid] not found" (PG-27). */
        NOT_FOUND,
        /** "  [pid] failed 0x%x" (PG-32); value = result. */
        FAILED,
        /** "  [pid] backoff N" (PG-42, mm/memory.c); value = weight. */
        BACKOFF,
        /** "  [pid] zap addr" (PG-22). */
        ZAP,
        /** "process_page_invalidate_request: no such process o r addr" (PG-16); pid = origin pid, value = remote pid. */
        INVALIDATE_NO_PROCESS,
        /** "page_server_panic: ..." and its banner (PG-10, PG-11). */
        PANIC
    }
}
