package pcnref.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pcnref.kmsg.PcnKmsg;
import pcnref.kmsg.VmFault;

/**
 * What the kernel would log for one model step, for replaying real logs against the model:
 * the pcn_kmsg messages the step posts, and the popcorn:pgfault event it fires (§8.1).
 * Simple for now: the fault-side event of a thread woken by another context's step (a retry
 * waiter woken by __finish_fault_handling) is not attributed to that step.
 */
public final class KernelLog {
    private KernelLog() {
    }

    /** A popcorn:pgfault event: nid (fault side: the faulting node; serving side: the requester), rw, result. */
    public record Pgfault(int nid, char rw, int result) {
        @Override
        public String toString() {
            return "pgfault: " + nid + " " + rw + " " + result;
        }
    }

    /** A message posted by the step: from, to, the pcnref.kmsg record. */
    public record Sent(int from, int to, PcnKmsg msg) {
    }

    /** The messages {@code step} appended to the channels going from {@code before} to {@code after}. */
    public static List<Sent> sent(Cluster before, PageStep step, Cluster after) {
        List<Sent> out = new ArrayList<>();
        int n = before.cfg.n();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int kept = before.chan(a, b).size();
                if (step.kind() == PageStep.Action.Deliver && step.x() == a && step.y() == b) kept--;
                var q = after.chan(a, b);
                for (int k = kept; k < q.size(); k++) out.add(new Sent(a, b, q.get(k)));
            }
        }
        return out;
    }

    /** The popcorn:pgfault event {@code step} fires, if any. */
    public static Optional<Pgfault> pgfault(Cluster before, PageStep step, Cluster after) {
        int t = step.x();
        return switch (step.kind()) {
            // page_server_handle_pte_fault returns VM_FAULT_CONTINUE at the origin
            case HandlePteFault -> Optional.of(new Pgfault(before.cfg.homeOf(t), rw(before.isWrite.get(t)), VmFault.VM_FAULT_CONTINUE));
            // __start_fault_handling returned NULL at once: VM_FAULT_RETRY
            case StartFaultHandling -> after.pc.get(t) == Pc.Backoff
                    ? Optional.of(new Pgfault(before.cfg.homeOf(t), rw(before.isWrite.get(t)), VmFault.VM_FAULT_RETRY))
                    : Optional.empty();
            // the fault returns after __finish_fault_handling: 0, or VM_FAULT_RETRY (fh->ret)
            case FinishFaultHandling -> Optional.of(new Pgfault(before.cfg.homeOf(t), rw(before.isWrite.get(t)),
                    after.pc.get(t) == Pc.Backoff ? VmFault.VM_FAULT_RETRY : VmFault.OK));
            // process_remote_page_request traces the result it sends back
            case PostResponse -> {
                Worker w = PageServer.workerAt(before, step.x(), false, step.y(), step.z());
                yield w == null ? Optional.empty() : Optional.of(new Pgfault(w.from(), rw(w.write()), w.result().vmFault));
            }
            default -> Optional.empty();
        };
    }

    private static char rw(boolean write) {
        return write ? 'W' : 'R';
    }
}
