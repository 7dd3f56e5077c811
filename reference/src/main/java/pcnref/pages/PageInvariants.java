package pcnref.pages;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import java.util.List;
import java.util.function.Predicate;
import pcnref.explore.Invariant;
import pcnref.kmsg.PcnKmsg;

/** The invariants of PageProtocol.tla, same names, same statements (page-protocol.md §9.4). */
public final class PageInvariants {
    private PageInvariants() {
    }

    static final int ORIGIN = 0;

    /** All of them, in the order of the CI cfg's INVARIANTS. */
    public static List<Invariant<Cluster>> all() {
        return List.of(inv("TypeOK", PageInvariants::typeOK), inv("SingleWriterInv", PageInvariants::singleWriter),
                inv("DataValueInv", PageInvariants::dataValue), inv("DirectorySoundInv", PageInvariants::directorySound),
                inv("NoInvalidActionInv", PageInvariants::noInvalidAction),
                inv("FollowersReleasedInv", PageInvariants::followersReleased),
                inv("HandlesReleasedInv", PageInvariants::handlesReleased),
                inv("WaitCountMatchesInv", PageInvariants::waitCountMatches),
                inv("HoldersMatchPendingsInv", PageInvariants::holdersMatchPendings),
                inv("NoSelfWaitInv", PageInvariants::noSelfWait),
                inv("FollowerWakeableInv", PageInvariants::followerWakeable),
                inv("WaitsWakeableInv", PageInvariants::waitsWakeable));
    }

    /** The futex-pin invariants (S4.8): checked only where a cfg names them (they concern futex models). */
    public static List<Invariant<Cluster>> futex() {
        return List.of(inv("PinOnlyAtOriginInv", PageInvariants::pinOnlyAtOrigin),
                inv("HandleWaitsWakeableInv", c -> noSelfWait(c) && waitsWakeable(c)));
    }

    /**
     * The base invariants (without HoldersMatchPendingsInv when B1 is on: the leaked handle keeps
     * pendings 1 with no holder, by design), plus the futex ones when the config runs futex_wait.
     */
    public static List<Invariant<Cluster>> forConfig(PageConfig cfg) {
        List<Invariant<Cluster>> l = new java.util.ArrayList<>(all());
        if (cfg.bugs().contains("B1")) l.removeIf(i -> i.name().equals("HoldersMatchPendingsInv"));
        if (cfg.futexOn()) l.addAll(futex());
        return List.copyOf(l);
    }

    /** The named ones (unknown name: IllegalArgumentException naming it). */
    public static List<Invariant<Cluster>> named(List<String> names) {
        List<Invariant<Cluster>> all = new java.util.ArrayList<>(all());
        all.addAll(futex());
        return names.stream().map(n -> all.stream().filter(i -> i.name().equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invariant named " + n + " in the Java model"))).toList();
    }

    private static Invariant<Cluster> inv(String name, Predicate<Cluster> p) {
        return new Invariant<>(name, p);
    }

    /** TypeOK: the spec's ranges that the Java types do not already enforce, and PTE <=> frame. */
    public static boolean typeOK(Cluster c) {
        int n = c.cfg.n(), nt = c.cfg.threads(), nv = c.cfg.numValues();
        for (int i = 0; i < n; i++) {
            int f = c.frame.get(i);
            if (f < -1 || f >= nv) return false;
            if ((c.pte.get(i) != Pte.NONE) != (f != -1)) return false;
            FaultHandle h = c.fh.get(i);
            if (h.users() < 0 || h.users() > c.cfg.tasks() + 2 || h.limit() < 0 || h.limit() > c.cfg.maxFollowers() + 2) return false;
        }
        for (PcnKmsg m : c.chan.flatMap(q -> q)) {
            int d = ModelKmsg.data(m), ws = ModelKmsg.ws(m);
            if (d < -1 || d >= Math.max(nv, 2) || ws < 0 || ws >= c.cfg.wsIds()) return false;   // data: Values \cup {-1, 0, 1}
        }
        for (int t = 0; t < c.cfg.tasks(); t++) {
            int a = c.accesses.get(t);
            if (a < 0 || a > c.cfg.maxAccesses()) return false;
        }
        for (WaitStation w : c.ws) {
            if (w.count() < 0 || w.count() > n || w.src() < -1 || w.src() >= n) return false;
        }
        return c.lastWritten >= 0 && c.lastWritten < nv && c.envOps >= 0 && c.envOps <= c.cfg.maxEnvOps();
    }

    /**
     * HoldersMatchPendingsInv: pendings = the holders tracked (leader, admitted followers, the pin);
     * followers on fh->waits hold it; an unhashed handle has no holder or retry sleeper.
     */
    public static boolean holdersMatchPendings(Cluster c) {
        for (FaultHandle h : c.fh) {
            if (h.users() != h.holders().size() || !h.holders().containsAll(h.waits())) return false;
            if (!h.hashed() && !(h.holders().isEmpty() && h.waitsRetry().isEmpty())) return false;
        }
        return true;
    }

    /** NoSelfWaitInv: no context sleeps on fh->waits_retry of a handle it holds (FP1). */
    public static boolean noSelfWait(Cluster c) {
        for (FaultHandle h : c.fh) if (h.waitsRetry().exists(h.holders()::contains)) return false;
        return true;
    }

    /** InvWaiters(n): invalidation work items asleep until the last holder of fh[n] leaves. */
    static Set<Context> invWaiters(Cluster c, int n) {
        Set<Context> s = HashSet.empty();
        for (Worker w : c.pool.get(n)) if (w.inv() && w.stage() == Worker.Stage.InvWait) s = s.add(Context.work(n, w));
        return s;
    }

    /** Sleepers(n): fh->waits, fh->waits_retry, and invalidations waiting for holders. */
    static Set<Context> sleepers(Cluster c, int n) {
        FaultHandle h = c.fh.get(n);
        Set<Context> s = HashSet.<Context>empty().addAll(h.waits()).addAll(h.waitsRetry());
        return h.users() > 0 ? s.addAll(invWaiters(c, n)) : s;
    }

    /** Stopped(x): a context stopped by a BUG_ON never steps again. */
    static boolean stopped(Cluster c, Context x) {
        return switch (x) {
            case Context.ThreadCtx t -> c.pc.get(t.t()) == Pc.Oops;
            case Context.HomeCtx h -> c.pc.get(c.cfg.threads() + h.t()) == Pc.Oops;
            case Context.WorkCtx w -> {
                for (Worker v : c.pool.get(w.node())) {
                    if (Context.work(w.node(), v).equals(w) && v.stage() == Worker.Stage.Oops) yield true;
                }
                yield false;
            }
        };
    }

    /** CanWake(n, x): an awake OTHER holder, or (retry sleeper) an invalidation about to unhash. */
    static boolean canWake(Cluster c, int n, Context x, Set<Context> sleepers) {
        FaultHandle h = c.fh.get(n);
        for (Context o : h.holders()) if (!o.equals(x) && !sleepers.contains(o) && !stopped(c, o)) return true;
        return h.waitsRetry().contains(x) && h.users() == 0 && !invWaiters(c, n).isEmpty();
    }

    /** FollowerWakeableInv: every follower asleep on fh->waits can be woken by another context. */
    public static boolean followerWakeable(Cluster c) {
        for (int n = 0; n < c.cfg.n(); n++) {
            Set<Context> sl = sleepers(c, n);
            for (Context x : c.fh.get(n).waits()) if (!canWake(c, n, x, sl)) return false;
        }
        return true;
    }

    /** WaitsWakeableInv: every context asleep on a fault handle can be woken by another context or a message. */
    public static boolean waitsWakeable(Cluster c) {
        for (int n = 0; n < c.cfg.n(); n++) {
            Set<Context> sl = sleepers(c, n);
            for (Context x : sl) if (!canWake(c, n, x, sl)) return false;
        }
        return true;
    }

    /** PinOnlyAtOriginInv: futex_wait runs at the origin only. */
    public static boolean pinOnlyAtOrigin(Cluster c) {
        for (int t = 0; t < c.cfg.tasks(); t++) if (c.fpc.get(t) != Fpc.None && c.cfg.homeOf(t) != ORIGIN) return false;
        return true;
    }

    /** SingleWriterInv: a writable PTE excludes every other readable one. */
    public static boolean singleWriter(Cluster c) {
        int rw = 0, present = 0;
        for (Pte p : c.pte) {
            if (p == Pte.RW) rw++;
            if (p.present()) present++;
        }
        return rw == 0 || present == 1;
    }

    /** DataValueInv: every readable copy holds the last written value. */
    public static boolean dataValue(Cluster c) {
        for (int i = 0; i < c.cfg.n(); i++) {
            if (c.pte.get(i).present() && c.frame.get(i) != c.lastWritten) return false;
        }
        return true;
    }

    static boolean responsePendingFor(Cluster c, int n) {
        for (int t = 0; t < c.cfg.tasks(); t++) {
            if (c.cfg.homeOf(t) == n && (c.pc.get(t) == Pc.RLeader || c.pc.get(t) == Pc.RWait)) return true;
        }
        return false;
    }

    static boolean invalidationPendingFor(Cluster c, int n) {
        for (PcnKmsg m : c.chan(ORIGIN, n)) if (ModelKmsg.type(m).equals("INV")) return true;
        for (Worker w : c.pool.get(n)) if (w.inv()) return true;
        return false;
    }

    /** DirectorySoundInv (§9.4 with its transitional disjuncts). */
    public static boolean directorySound(Cluster c) {
        if (c.distributed && c.pte.get(ORIGIN) != Pte.NONE && c.owners == 0) return false;
        for (int n = 0; n < c.cfg.n(); n++) {
            if (c.owner(n) && c.frame.get(n) != c.lastWritten && !(n != ORIGIN && responsePendingFor(c, n))) return false;
            if (c.pte.get(n).present() && !c.owner(n) && !(n == ORIGIN && !c.distributed)
                    && !(n != ORIGIN && invalidationPendingFor(c, n))) return false;
        }
        return true;
    }

    /** NoInvalidActionInv: no INVALID fh_action row and no other sanity BUG_ON reached. */
    public static boolean noInvalidAction(Cluster c) {
        return c.bugsHit == 0;
    }

    /** FollowersReleasedInv: nobody sleeps on a handle that is no longer hashed. */
    public static boolean followersReleased(Cluster c) {
        for (int t = 0; t < c.cfg.tasks(); t++) {
            Pc p = c.pc.get(t);
            if ((p == Pc.FollowWait || p == Pc.WaitRetry) && !c.fh.get(c.cfg.homeOf(t)).hashed()) return false;
        }
        for (int n = 0; n < c.cfg.n(); n++) {
            for (Worker w : c.pool.get(n)) {
                if ((w.stage() == Worker.Stage.WaitRetry || w.stage() == Worker.Stage.InvWait) && !c.fh.get(n).hashed()) return false;
            }
        }
        return true;
    }

    static boolean quiescent(Cluster c) {
        for (Pc p : c.pc) if (p != Pc.Idle) return false;
        for (var q : c.chan) if (!q.isEmpty()) return false;
        for (var p : c.pool) if (!p.isEmpty()) return false;
        return true;
    }

    /** HandlesReleasedInv: once everything is quiet no fault handle is left hashed (B1 breaks it). */
    public static boolean handlesReleased(Cluster c) {
        if (!quiescent(c)) return true;
        for (FaultHandle h : c.fh) if (h.hashed()) return false;
        return true;
    }

    /**
     * WaitCountMatchesInv: ws[i].count = messages carrying i in the channels + work items serving i
     * (a work item stopped by a BUG_ON still counts: that loss is NoInvalidActionInv's).
     */
    public static boolean waitCountMatches(Cluster c) {
        int[] pending = new int[c.cfg.wsIds()];
        for (var q : c.chan) for (PcnKmsg m : q) pending[ModelKmsg.ws(m)]++;
        for (var p : c.pool) for (Worker w : p) pending[w.ws()]++;
        // a forwarded futex op of thread i is still due while its home task holds it
        for (int h = c.cfg.threads(); h < c.cfg.tasks(); h++) if (c.pc.get(h) != Pc.Idle) pending[h - c.cfg.threads()]++;
        for (int i = 0; i < pending.length; i++) if (c.ws.get(i).count() != pending[i]) return false;
        return true;
    }
}
