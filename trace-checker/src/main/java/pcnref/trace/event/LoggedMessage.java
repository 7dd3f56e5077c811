package pcnref.trace.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import pcnref.kmsg.PcnKmsgType;

/**
 * A debug line that records a message being sent or handled (debug-lines.md PG-15, PG-17, PG-18, PG-20,
 * PG-21, PG-28, PG-29, VS-30): what the log tells of a pcn_kmsg, without its wire bytes.
 *
 * @param pid    the local task that sent or handles it
 * @param peer   the task on the other node, as printed "[pid/nid]"
 * @param write  true for 'W', false for 'R', null when the line does not say
 * @param result the vm_fault_t result for responses (hex in the log), null otherwise
 */
public record LoggedMessage(Source source, Integer node, long timeNs, Clock clock, int pid, Direction direction,
                            PcnKmsgType type, Peer peer,
                            @JsonSerialize(using = HexLong.class) Long addr,
                            @JsonSerialize(using = HexLong.class) Long instrAddr,
                            Integer result, Boolean write) implements TraceEvent {
}
