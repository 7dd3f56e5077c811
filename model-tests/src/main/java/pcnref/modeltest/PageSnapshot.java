package pcnref.modeltest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import pcnref.kmsg.PcnKmsg;
import pcnref.pages.Bug;
import pcnref.pages.Cluster;
import pcnref.pages.FaultHandle;
import pcnref.pages.ModelKmsg;
import pcnref.pages.Pc;
import pcnref.pages.Fpc;
import pcnref.pages.Pte;
import pcnref.pages.View;
import pcnref.pages.WaitStation;
import pcnref.pages.Worker;

/**
 * A {@link Cluster} in the spec's vocabulary, for printing what a step changed with
 * {@link StateDiff}: bit sets as node sets, channels as {@code "a->b"} keys, messages as
 * {@code TYPE(ws, ...)} instead of full pcn_kmsg records.
 */
public record PageSnapshot(List<Pte> pte, List<Integer> frame, Set<Integer> owners, boolean distributed,
                           List<View> view, List<FaultHandle> fh, Map<String, List<String>> chan,
                           Map<Integer, List<Worker>> pool, List<Pc> pc, List<Boolean> isWrite, List<Integer> accesses,
                           List<Boolean> populated, List<Boolean> retry, List<WaitStation> ws, int lastWritten,
                           Set<Bug> bugsHit, int envOps, Set<Integer> dontneedFwd, Set<Integer> releaseFwd, List<Fpc> fpc) {

    public static PageSnapshot of(Cluster c) {
        int n = c.cfg.n();
        Map<String, List<String>> chan = new LinkedHashMap<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                List<String> msgs = list(c.chan(a, b)).stream().map(PageSnapshot::msg).toList();
                if (!msgs.isEmpty()) chan.put(a + "->" + b, msgs);
            }
        }
        Map<Integer, List<Worker>> pool = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<Worker> ws = list(c.pool.get(i));
            if (!ws.isEmpty()) pool.put(i, ws);
        }
        Set<Bug> bugs = new TreeSet<>();
        for (Bug b : Bug.values()) if (c.bugHit(b)) bugs.add(b);
        return new PageSnapshot(c.pte.toJavaList(), c.frame.toJavaList(), nodes(c.owners, n), c.distributed,
                c.view.toJavaList(), c.fh.toJavaList(), chan, pool, c.pc.toJavaList(), c.isWrite.toJavaList(),
                c.accesses.toJavaList(), c.populated.toJavaList(), c.ret.toJavaList(), c.ws.toJavaList(),
                c.lastWritten, bugs, c.envOps, nodes(c.dontneedFwd, n), nodes(c.releaseFwd, n), c.fpc.toJavaList());
    }

    /** What the step from {@code a} to {@code b} changed, "; "-separated. */
    public static String change(Cluster a, Cluster b) {
        return StateDiff.describe(of(a), of(b));
    }

    /** The elements in iteration order (channels and pools are Iterable whatever their representation). */
    private static <T> List<T> list(Iterable<T> it) {
        List<T> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }

    private static Set<Integer> nodes(int bits, int n) {
        Set<Integer> s = new TreeSet<>();
        for (int i = 0; i < n; i++) if ((bits & (1 << i)) != 0) s.add(i);
        return s;
    }

    /** The spec's Msg fields only: TYPE(ws[, W][, result][, data]). */
    static String msg(PcnKmsg m) {
        List<String> f = new ArrayList<>();
        f.add("ws=" + ModelKmsg.ws(m));
        if (ModelKmsg.write(m)) f.add("W");
        String r = String.valueOf(ModelKmsg.result(m));
        if (!r.equals("NONE")) f.add(r);
        if (ModelKmsg.type(m).equals("FREQ")) f.add(ModelKmsg.data(m) == ModelKmsg.FUTEX_WAIT ? "FUTEX_WAIT" : "FUTEX_WAKE");
        else if (ModelKmsg.data(m) >= 0) f.add("data=" + ModelKmsg.data(m));
        return ModelKmsg.type(m) + "(" + String.join(",", f) + ")";
    }
}
