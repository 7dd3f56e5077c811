package pcnref.trace.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * ftrace event popcorn:pgfault (page-protocol.md §8.1): the end of a page fault at this node, or of
 * serving a remote's REMOTE_PAGE_REQUEST (then {@code nid} is the requester's node).
 *
 * @param task     ftrace prefix: the comm of the task that hit the tracepoint (e.g. "kworker/0:1")
 * @param taskPid  ftrace prefix: its pid
 * @param cpu      ftrace prefix: CPU number
 * @param flags    ftrace prefix: irqs-off/need-resched/hardirq/preempt flags as printed (e.g. "...."), null if absent
 * @param nid      fault side: this node; serving side: the requester's node
 * @param pid      fault side: current pid; serving side: req->remote_pid
 * @param rw       'R' or 'W'
 * @param result   vm_fault_t, decimal in the log (0, 1024 = RETRY, 16384 = CONTINUE ...)
 * @param served   true when nid differs from the logging node (a request served for a remote); null if the node is unknown
 */
public record PgFault(Source source, Integer node, long timeNs, Clock clock, String task, int taskPid, int cpu,
                      String flags, int nid, int pid, char rw,
                      @JsonSerialize(using = HexLong.class) long instrAddr,
                      @JsonSerialize(using = HexLong.class) long addr,
                      int result, Boolean served) implements TraceEvent {
}
