package pcnref.pages;

import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pcnref.canon.CValue;
import pcnref.explore.Fp;
import pcnref.kmsg.PcnKmsg;

/**
 * One state of a Popcorn cluster running one process that shares one page: the record of
 * PageProtocol.tla's VARIABLES, field for field. Immutable; the 64-bit fingerprint is cached.
 *
 * <p>Composition: the page server's per-node state (pte, frame, view, fh and the origin's
 * directory owners/distributed), the transport ({@code chan}: per ordered node pair a FIFO of
 * pcnref.kmsg records), the pcn_wq pools of work items, the user threads (pc and locals), the wait
 * stations and the ghost/environment variables. Steps are {@link PageStep}s, computed by
 * {@link PageServer} (one pure function per kernel context step).
 */
public final class Cluster {
    public final PageConfig cfg;
    public final Vector<Pte> pte;
    public final Vector<Integer> frame;
    /** Origin directory owner bits (bit n = node n). */
    public final int owners;
    public final boolean distributed;
    public final Vector<View> view;
    public final Vector<FaultHandle> fh;
    /** chan[a][b] at index a * N + b. */
    public final Vector<Channel> chan;
    public final Vector<WorkerPool> pool;
    public final Vector<Pc> pc;
    public final Vector<Boolean> isWrite;
    public final Vector<Integer> accesses;
    public final Vector<Boolean> populated;
    /** ret[t] = "RETRY" when true. */
    public final Vector<Boolean> ret;
    public final Vector<WaitStation> ws;
    public final int lastWritten;
    /** bit b = Bug.values()[b] reached. */
    public final int bugsHit;
    public final int envOps;
    public final int dontneedFwd;
    public final int releaseFwd;
    /** fpc[t]: where origin thread t is in futex_wait. */
    public final Vector<Fpc> fpc;
    private long fp;
    private boolean fpDone;

    Cluster(PageConfig cfg, Vector<Pte> pte, Vector<Integer> frame, int owners, boolean distributed,
            Vector<View> view, Vector<FaultHandle> fh, Vector<Channel> chan, Vector<WorkerPool> pool,
            Vector<Pc> pc, Vector<Boolean> isWrite, Vector<Integer> accesses, Vector<Boolean> populated,
            Vector<Boolean> ret, Vector<WaitStation> ws, int lastWritten, int bugsHit, int envOps,
            int dontneedFwd, int releaseFwd, Vector<Fpc> fpc) {
        this.cfg = cfg;
        this.pte = pte;
        this.frame = frame;
        this.owners = owners;
        this.distributed = distributed;
        this.view = view;
        this.fh = fh;
        this.chan = chan;
        this.pool = pool;
        this.pc = pc;
        this.isWrite = isWrite;
        this.accesses = accesses;
        this.populated = populated;
        this.ret = ret;
        this.ws = ws;
        this.lastWritten = lastWritten;
        this.bugsHit = bugsHit;
        this.envOps = envOps;
        this.dontneedFwd = dontneedFwd;
        this.releaseFwd = releaseFwd;
        this.fpc = fpc;
    }

    /** The spec's Init. */
    public static Cluster init(PageConfig cfg) {
        int n = cfg.n(), nt = cfg.tasks();
        return new Cluster(cfg, Vector.fill(n, () -> Pte.NONE), Vector.fill(n, () -> -1), 0, false,
                Vector.fill(n, () -> View.EMPTY), Vector.fill(n, () -> FaultHandle.NONE),
                Vector.fill(n * n, () -> Channel.EMPTY), Vector.fill(n, () -> WorkerPool.EMPTY),
                Vector.fill(nt, () -> Pc.Idle), Vector.fill(nt, () -> false), Vector.fill(nt, () -> 0),
                Vector.fill(nt, () -> false), Vector.fill(nt, () -> false), Vector.fill(cfg.wsIds(), () -> WaitStation.IDLE),
                0, 0, 0, 0, 0, Vector.fill(nt, () -> Fpc.None));
    }

    public Channel chan(int a, int b) {
        return chan.get(a * cfg.n() + b);
    }

    public boolean owner(int n) {
        return (owners & (1 << n)) != 0;
    }

    public boolean bugHit(Bug b) {
        return (bugsHit & (1 << b.ordinal())) != 0;
    }

    /** The steps enabled here, in the spec's Next order. */
    public List<PageStep> enabledSteps() {
        List<PageStep> steps = new ArrayList<>();
        PageServer.SERVER.forEachStep(this, (s, c) -> steps.add(s));
        return steps;
    }

    /** The state after {@code step}; IllegalArgumentException when it is not enabled. */
    public Cluster apply(PageStep step) {
        Cluster c = PageServer.SERVER.apply(this, step);
        if (c == null) throw new IllegalArgumentException("step " + step + " is not enabled");
        return c;
    }

    // ---- fingerprint, equality ----

    public long fingerprint() {
        if (!fpDone) {
            fp = computeFp();
            fpDone = true;
        }
        return fp;
    }

    private long computeFp() {
        long h = Fp.SEED;
        for (Pte p : pte) h = Fp.mix(h, p.ordinal());
        for (int f : frame) h = Fp.mix(h, f);
        h = Fp.mix(h, owners | (distributed ? 1L << 40 : 0));
        for (View v : view) h = Fp.mix(h, (v.dist() ? 1 : 0) | (v.own() ? 2 : 0));
        for (FaultHandle f : fh) h = Fp.mix(h, f.fp());
        for (Channel q : chan) h = Fp.mix(h, q.fp());
        for (WorkerPool p : pool) h = Fp.mix(h, p.fp());
        for (int t = 0; t < pc.size(); t++) {
            h = Fp.mix(h, pc.get(t).ordinal() | (isWrite.get(t) ? 1L << 8 : 0) | ((long) accesses.get(t) << 16)
                    | (populated.get(t) ? 1L << 32 : 0) | (ret.get(t) ? 1L << 33 : 0) | ((long) fpc.get(t).ordinal() << 40));
        }
        for (WaitStation w : ws) h = Fp.mix(h, w.fp());
        h = Fp.mix(h, lastWritten | ((long) bugsHit << 16) | ((long) envOps << 32));
        h = Fp.mix(h, dontneedFwd | ((long) releaseFwd << 32));
        return Fp.finish(h);
    }

    @Override
    public int hashCode() {
        return (int) (fingerprint() ^ (fingerprint() >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cluster c && c.fingerprint() == fingerprint() && pte.equals(c.pte) && frame.equals(c.frame)
                && owners == c.owners && distributed == c.distributed && view.equals(c.view) && fh.equals(c.fh)
                && chan.equals(c.chan) && pool.equals(c.pool) && pc.equals(c.pc) && isWrite.equals(c.isWrite)
                && accesses.equals(c.accesses) && populated.equals(c.populated) && ret.equals(c.ret) && ws.equals(c.ws)
                && lastWritten == c.lastWritten && bugsHit == c.bugsHit && envOps == c.envOps
                && dontneedFwd == c.dontneedFwd && releaseFwd == c.releaseFwd && fpc.equals(c.fpc);
    }

    // ---- canonical TLA+ value ----

    private static <T> CValue fn(Vector<T> v, java.util.function.Function<T, CValue> f) {
        Map<CValue, CValue> m = new TreeMap<>();
        for (int i = 0; i < v.size(); i++) m.put(CValue.num(i), f.apply(v.get(i)));
        return CValue.fun(m);
    }

    private static CValue nodeSet(int bits) {
        List<CValue> l = new ArrayList<>();
        for (int i = 0; i < 31; i++) if ((bits & (1 << i)) != 0) l.add(CValue.num(i));
        return CValue.set(l);
    }

    /** The spec variables as TLC holds them, one entry per VARIABLE, in declaration order. */
    public Map<String, CValue> variables() {
        int n = cfg.n();
        Map<String, CValue> v = new LinkedHashMap<>();
        v.put("pte", fn(pte, p -> CValue.str(p.name())));
        v.put("frame", fn(frame, f -> CValue.num(f)));
        v.put("owners", nodeSet(owners));
        v.put("distributed", CValue.bool(distributed));
        v.put("view", fn(view, View::toCanonical));
        v.put("fh", fn(fh, FaultHandle::toCanonical));
        Map<CValue, CValue> outer = new TreeMap<>();
        for (int a = 0; a < n; a++) {
            Map<CValue, CValue> inner = new TreeMap<>();
            for (int b = 0; b < n; b++) {
                List<CValue> msgs = new ArrayList<>();
                for (PcnKmsg m : chan(a, b)) msgs.add(ModelKmsg.toCanonical(m));
                inner.put(CValue.num(b), CValue.seq(msgs));
            }
            outer.put(CValue.num(a), CValue.fun(inner));
        }
        v.put("chan", CValue.fun(outer));
        v.put("pool", fn(pool, p -> CValue.set(p.items().map(Worker::toCanonical).toJavaList())));
        v.put("pc", fn(pc, p -> CValue.str(p.name())));
        v.put("isWrite", fn(isWrite, CValue::bool));
        v.put("accesses", fn(accesses, a -> CValue.num(a)));
        v.put("populated", fn(populated, CValue::bool));
        v.put("ret", fn(ret, r -> CValue.str(r ? "RETRY" : "OK")));
        v.put("ws", fn(ws, WaitStation::toCanonical));
        v.put("lastWritten", CValue.num(lastWritten));
        List<CValue> bugs = new ArrayList<>();
        for (Bug b : Bug.values()) if (bugHit(b)) bugs.add(CValue.str(b.name()));
        v.put("bugsHit", CValue.set(bugs));
        v.put("envOps", CValue.num(envOps));
        v.put("dontneedFwd", nodeSet(dontneedFwd));
        v.put("releaseFwd", nodeSet(releaseFwd));
        v.put("fpc", fn(fpc, f -> CValue.str(f.name())));
        return v;
    }

    /** The state as a TLA+ record of its variables (what conformance compares with TLC's). */
    public CValue toCanonical() {
        return CValue.rec(variables());
    }

    /** TLC-style rendering: one {@code /\ var = value} line per variable. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        variables().forEach((k, val) -> sb.append("/\\ ").append(k).append(" = ").append(val).append('\n'));
        return sb.toString().stripTrailing();
    }

    // ---- building successors ----

    Builder edit() {
        return new Builder(this);
    }

    /** Local, short-lived: accumulates one step's updates, then freezes them into a new Cluster. */
    static final class Builder {
        final PageConfig cfg;
        Vector<Pte> pte;
        Vector<Integer> frame;
        int owners;
        boolean distributed;
        Vector<View> view;
        Vector<FaultHandle> fh;
        Vector<Channel> chan;
        Vector<WorkerPool> pool;
        Vector<Pc> pc;
        Vector<Boolean> isWrite;
        Vector<Integer> accesses;
        Vector<Boolean> populated;
        Vector<Boolean> ret;
        Vector<WaitStation> ws;
        int lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd;
        Vector<Fpc> fpc;

        Builder(Cluster c) {
            cfg = c.cfg;
            pte = c.pte;
            frame = c.frame;
            owners = c.owners;
            distributed = c.distributed;
            view = c.view;
            fh = c.fh;
            chan = c.chan;
            pool = c.pool;
            pc = c.pc;
            isWrite = c.isWrite;
            accesses = c.accesses;
            populated = c.populated;
            ret = c.ret;
            ws = c.ws;
            lastWritten = c.lastWritten;
            bugsHit = c.bugsHit;
            envOps = c.envOps;
            dontneedFwd = c.dontneedFwd;
            releaseFwd = c.releaseFwd;
            fpc = c.fpc;
        }

        Builder pte(int n, Pte p) { pte = pte.update(n, p); return this; }
        Builder frame(int n, int f) { frame = frame.update(n, f); return this; }
        Builder view(int n, View v) { view = view.update(n, v); return this; }
        Builder fh(int n, FaultHandle h) { fh = fh.update(n, h); return this; }
        Builder pc(int t, Pc p) { pc = pc.update(t, p); return this; }
        Builder fpc(int t, Fpc f) { fpc = fpc.update(t, f); return this; }
        Builder ws(int i, WaitStation w) { ws = ws.update(i, w); return this; }
        Builder bug(Bug b) { bugsHit |= 1 << b.ordinal(); return this; }

        /** Send(c, a, b, m): append to the FIFO a -> b. */
        Builder send(int a, int b, PcnKmsg m) {
            int i = a * cfg.n() + b;
            chan = chan.update(i, chan.get(i).enqueue(m));
            return this;
        }

        /** ReplaceWorker(pool[n], w, w2). */
        Builder replaceWorker(int n, Worker w, Worker w2) {
            pool = pool.update(n, pool.get(n).replace(w, w2));
            return this;
        }

        Cluster build() {
            return new Cluster(cfg, pte, frame, owners, distributed, view, fh, chan, pool, pc, isWrite, accesses,
                    populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc);
        }
    }
}
