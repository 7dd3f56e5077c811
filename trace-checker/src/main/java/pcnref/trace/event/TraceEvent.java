package pcnref.trace.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One thing that happened on a Popcorn node, read from a real log: pcn-ref's single trace event
 * format. Every reader (pcap, ftrace, dmesg) emits these records, {@link EventJson} writes them as
 * NDJSON (schema: {@code trace-event.schema.json}, docs/trace-format.md).
 *
 * <p>Common to all: where it was read ({@link #source()}), the node that logged or captured it
 * ({@link #node()}, null when unknown), and its time in nanoseconds on {@link #clock()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MessageEvent.class, name = "message"),
        @JsonSubTypes.Type(value = PgFault.class, name = "pgfault"),
        @JsonSubTypes.Type(value = PgFaultStat.class, name = "pgfault_stat"),
        @JsonSubTypes.Type(value = FaultBegin.class, name = "fault_begin"),
        @JsonSubTypes.Type(value = FaultStep.class, name = "fault_step"),
        @JsonSubTypes.Type(value = LoggedMessage.class, name = "logged_message"),
        @JsonSubTypes.Type(value = VmaEvent.class, name = "vma"),
        @JsonSubTypes.Type(value = Migration.class, name = "migration"),
        @JsonSubTypes.Type(value = TaskExit.class, name = "task_exit"),
        @JsonSubTypes.Type(value = NodeSetup.class, name = "node_setup"),
        @JsonSubTypes.Type(value = KernelProblem.class, name = "kernel_problem")})
@JsonPropertyOrder({"kind", "source", "node", "timeNs", "clock"})
public sealed interface TraceEvent
        permits MessageEvent, PgFault, PgFaultStat, FaultBegin, FaultStep, LoggedMessage, VmaEvent, Migration,
                TaskExit, NodeSetup, KernelProblem {
    Source source();

    /** The node that logged or captured the event; null when the reader could not tell. */
    Integer node();

    /** Time in nanoseconds on {@link #clock()}. */
    long timeNs();

    Clock clock();

    /** The "kind" name of this event in NDJSON, e.g. "pgfault". */
    default String kind() {
        return EventKinds.nameOf(getClass());
    }
}
