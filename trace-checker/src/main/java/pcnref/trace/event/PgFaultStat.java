package pcnref.trace.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * ftrace event popcorn:pgfault_stat (page-protocol.md §8.1): one completed fault series.
 *
 * @param addr    the unaligned faulting address
 * @param retries number of VM_FAULT_RETRY results before success
 * @param timeUs  the tracepoint's time_us field, which holds <b>nanoseconds</b> (ktime_to_ns), kept as printed
 */
public record PgFaultStat(Source source, Integer node, long timeNs, Clock clock, String task, int taskPid, int cpu,
                          String flags,
                          @JsonSerialize(using = HexLong.class) long instrAddr,
                          @JsonSerialize(using = HexLong.class) long addr,
                          int result, int retries, long timeUs) implements TraceEvent {
}
