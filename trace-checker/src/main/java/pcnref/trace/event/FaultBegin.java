package pcnref.trace.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * dmesg "## PAGEFAULT [pid] addr R/W ip flags pte" (debug-lines.md PG-38,
 * page_server.c:page_server_handle_pte_fault): a PTE fault of a distributed process enters the page server.
 *
 * @param addr       unaligned fault address (vmf->address)
 * @param faultFlags FAULT_FLAG_* bits (vmf->flags)
 * @param pteFlags   pte_flags(vmf->orig_pte)
 */
public record FaultBegin(Source source, Integer node, long timeNs, Clock clock, int pid,
                         @JsonSerialize(using = HexLong.class) long addr, char rw,
                         @JsonSerialize(using = HexLong.class) long instrAddr,
                         @JsonSerialize(using = HexLong.class) long faultFlags,
                         @JsonSerialize(using = HexLong.class) long pteFlags) implements TraceEvent {
}
