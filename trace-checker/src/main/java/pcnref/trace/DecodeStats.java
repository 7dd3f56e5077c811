package pcnref.trace;

import java.util.Map;
import java.util.TreeMap;
import pcnref.kmsg.RemotePageResponse;
import pcnref.trace.event.FaultStep;
import pcnref.trace.event.KernelProblem;
import pcnref.trace.event.LoggedMessage;
import pcnref.trace.event.MessageEvent;
import pcnref.trace.event.Migration;
import pcnref.trace.event.NodeSetup;
import pcnref.trace.event.PgFault;
import pcnref.trace.event.TaskExit;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.event.VmaEvent;

/**
 * Counters over a stream of events (constant memory: one counter per type name): events per type,
 * message bytes per type, pages transferred (REMOTE_PAGE_RESPONSE carrying data).
 */
public final class DecodeStats {
    /** vm_fault_t results the page server produces (page-protocol.md §6); others count as "other" (bounded keys). */
    private static final java.util.Set<Integer> KNOWN_RESULTS = java.util.Set.of(0, 1, 2, 64, 1024, 16384);

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Long> bytes = new TreeMap<>();
    private long events;
    private long pages;
    private long loggedPages;

    public void accept(TraceEvent e) {
        events++;
        counts.merge(typeName(e), 1L, Long::sum);
        if (e instanceof MessageEvent m) {
            bytes.merge(m.type() == null ? "type " + m.typeByte() : m.type().name(), m.size(), Long::sum);
            if (m.message() instanceof RemotePageResponse r && r.page() != null) pages++;
        } else if (e instanceof LoggedMessage l && l.type() == pcnref.kmsg.PcnKmsgType.REMOTE_PAGE_RESPONSE) {
            loggedPages++;
        }
    }

    /** The name an event is counted under, e.g. "message REMOTE_PAGE_REQUEST", "fault_step WAITS". */
    public static String typeName(TraceEvent e) {
        return switch (e) {
            case MessageEvent m -> "message " + (m.type() == null ? "type " + m.typeByte() : m.type().name());
            case LoggedMessage l -> "logged_message " + l.direction() + " " + l.type();
            case FaultStep s -> "fault_step " + s.step();
            case VmaEvent v -> "vma " + v.step();
            case Migration m -> "migration " + m.step();
            case TaskExit t -> "task_exit " + t.step();
            case NodeSetup n -> "node_setup " + n.step();
            case KernelProblem k -> "kernel_problem " + k.what();
            case PgFault p -> "pgfault result " + (KNOWN_RESULTS.contains(p.result()) ? Integer.toString(p.result()) : "other")
                    + (Boolean.TRUE.equals(p.served()) ? " (served)" : "");
            default -> e.kind();
        };
    }

    public long events() {
        return events;
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Sum of header.size per message type. */
    public Map<String, Long> bytes() {
        return Map.copyOf(bytes);
    }

    public long totalBytes() {
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** REMOTE_PAGE_RESPONSE messages with a page, from captures. */
    public long pages() {
        return pages;
    }

    /** REMOTE_PAGE_RESPONSE (result 0, so with data) logged as sent or received in dmesg. */
    public long loggedPages() {
        return loggedPages;
    }
}
