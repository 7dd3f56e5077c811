package pcnref.pages;

import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;
import java.util.function.BiConsumer;
import pcnref.kmsg.PcnKmsg;
import pcnref.pages.Cluster.Builder;
import pcnref.pages.PageStep.Action;

/**
 * The page server (kernel/popcorn/page_server.c) as pure functions, one per action of
 * PageProtocol.tla: {@code (state, parameters) -> new state}, or null when the action is not enabled.
 * Messages sent are the appends to {@code chan} (pcnref.kmsg records, see {@link ModelKmsg}).
 * Each function mirrors the spec action of the same name; the comment names the kernel function.
 */
public final class PageServer {
    private PageServer() {
    }

    /** The page server as one {@link pcnref.cluster.Server} of the cluster. */
    public static final pcnref.cluster.Server<Cluster, PageStep> SERVER = new pcnref.cluster.Server<>() {
        @Override
        public void forEachStep(Cluster s, BiConsumer<PageStep, Cluster> sink) {
            forEachSuccessor(s, sink);
        }

        @Override
        public Cluster apply(Cluster s, PageStep step) {
            return PageServer.apply(s, step);
        }
    };

    static final int ORIGIN = 0;

    // ------------------------------------------------------------------ helpers (spec operators)

    static boolean permits(Cluster c, int n, boolean w) {
        Pte p = c.pte.get(n);
        return w ? p == Pte.RW : p.present();
    }

    /** Mine: page_is_mine at the origin. */
    static boolean mine(Cluster c) {
        return !c.distributed || c.owner(ORIGIN);
    }

    static int fresh(Cluster c) {
        return (c.lastWritten + 1) % c.cfg.numValues();
    }

    /** FhAction(n, w, r): fh_action_table[get_fh_action index]. */
    static int fhAction(Cluster c, int n, boolean w, boolean r) {
        FaultHandle h = c.fh.get(n);
        return FhAction.get(FhAction.index(n != ORIGIN, h.kind() == FaultHandle.Kind.R, h.inv(), h.write(), w, r));
    }

    enum Decision { LEADER, FOLLOW, WAITRETRY, RETRY, INVALID }

    /** FhDecision: what __start_fault_handling does for a new fault (S5.2). */
    static Decision fhDecision(Cluster c, int n, boolean w, boolean r) {
        if (!c.fh.get(n).hashed()) return Decision.LEADER;
        int a = fhAction(c, n, w, r);
        if (a == FhAction.INVALID) return Decision.INVALID;
        if (FhAction.has(a, FhAction.RETRY)) return FhAction.has(a, FhAction.WAIT) ? Decision.WAITRETRY : Decision.RETRY;
        if (c.fh.get(n).limit() > c.cfg.maxFollowers()) return Decision.WAITRETRY;
        return Decision.FOLLOW;
    }

    /** BumpLimit: limit++ on a FOLLOW row, capped at MaxFollowers + 2. */
    static FaultHandle bumpLimit(Cluster c, int n, boolean w, boolean r) {
        FaultHandle h = c.fh.get(n);
        if (h.hashed() && fhAction(c, n, w, r) == FhAction.FOLLOW) {
            return h.withLimit(Math.min(h.limit() + 1, c.cfg.maxFollowers() + 2));
        }
        return h;
    }

    // __finish_fault_handling pieces (Left, Unhashes, FhAfterLeave, PcAfterLeave, RetAfterLeave, PoolAfterLeave)

    static int left(Cluster c, int n) {
        return c.fh.get(n).users() - 1;
    }

    static boolean unhashes(Cluster c, int n) {
        return left(c, n) == 0 && !c.fh.get(n).inv();
    }

    /** FhAfterLeave(n, x): holder x leaves; followers on fh->waits are woken (they stay holders). */
    static FaultHandle fhAfterLeave(Cluster c, int n, Context x) {
        return unhashes(c, n) ? FaultHandle.NONE : c.fh.get(n).left(x);
    }

    /** JoinFh: FOLLOW, x holds the handle (pendings++) and sleeps on fh->waits. */
    static FaultHandle joinFh(Cluster c, int n, boolean w, boolean r, Context x) {
        return bumpLimit(c, n, w, r).joined(x);
    }

    /** SleepRetryFh: WAITRETRY, x sleeps on fh->waits_retry without holding the handle. */
    static FaultHandle sleepRetryFh(Cluster c, int n, boolean w, boolean r, Context x) {
        return bumpLimit(c, n, w, r).sleepingRetry(x);
    }

    /** WakeRetryPc: wake_up_all(waits_retry) for threads: their fault returns VM_FAULT_RETRY. */
    static Vector<Pc> wakeRetryPc(Cluster c, int n, Vector<Pc> base) {
        Vector<Pc> r = base;
        for (int t = 0; t < base.size(); t++) {
            if (c.cfg.homeOf(t) == n && base.get(t) == Pc.WaitRetry) r = r.update(t, Pc.Backoff);
        }
        return r;
    }

    /** WakeRetryWorker: origin worker answers VM_FAULT_RETRY; remote worker restarts (VM_FAULT_LOCKED). */
    static Worker wakeRetryWorker(int n, Worker w) {
        if (w.stage() != Worker.Stage.WaitRetry) return w;
        return n == ORIGIN ? w.respond(Result.RETRY, w.data()) : w.withStage(Worker.Stage.Start);
    }

    static WorkerPool wakeRetryPool(int n, WorkerPool p) {
        return p.map(w -> wakeRetryWorker(n, w));
    }

    static Vector<Pc> pcAfterLeave(Cluster c, int n, Vector<Pc> base) {
        if (left(c, n) > 0) {
            Vector<Pc> r = base;
            for (int t = 0; t < base.size(); t++) {
                if (c.cfg.homeOf(t) == n && base.get(t) == Pc.FollowWait) r = r.update(t, Pc.Finish);
            }
            return r;
        }
        return unhashes(c, n) ? wakeRetryPc(c, n, base) : base;
    }

    /** RetAfterLeave: woken followers take fh->ret (tested on the pc before the step, as the spec does). */
    static Vector<Boolean> retAfterLeave(Cluster c, int n, Vector<Boolean> base) {
        if (left(c, n) <= 0) return base;
        Vector<Boolean> r = base;
        for (int t = 0; t < base.size(); t++) {
            if (c.cfg.homeOf(t) == n && c.pc.get(t) == Pc.FollowWait) r = r.update(t, c.fh.get(n).retry());
        }
        return r;
    }

    static WorkerPool poolAfterLeave(Cluster c, int n, WorkerPool p) {
        return unhashes(c, n) ? wakeRetryPool(n, p) : p;
    }

    /** SendInvs: __revoke_page_ownership posts PAGE_INVALIDATE_REQUEST to every node of s. */
    static void sendInvs(Builder b, int s, int ws) {
        for (int m = 0; m < b.cfg.n(); m++) if ((s & (1 << m)) != 0) b.send(ORIGIN, m, ModelKmsg.inv(ws));
    }

    static int claimPeers(Cluster c) {
        return c.owners & ~(1 << ORIGIN);
    }

    /** ClaimSends: B3 as built: a read claim sends only if src is the lowest owner. */
    static boolean claimSends(Cluster c, int src, boolean w) {
        if (w || !c.cfg.bug("B3")) return true;
        return Integer.numberOfTrailingZeros(claimPeers(c)) >= src;
    }

    /** The send part of __claim_remote_page (ClaimOwners, ClaimChan, ClaimWs) into b. */
    static void claimRemote(Cluster c, Builder b, int src, boolean w, int i) {
        int peers = claimPeers(c);
        if (claimSends(c, src, w)) b.send(ORIGIN, src, ModelKmsg.req(i, w));
        if (w) {
            sendInvs(b, peers & ~(1 << src), i);
            b.owners = c.owners & ~(peers & ~(1 << src));
        }
        b.ws(i, new WaitStation(w ? Integer.bitCount(peers) : 1, Result.NONE, -1, src));
    }

    static int workerWs(Cluster c, Worker w) {
        return c.cfg.threads() + w.ws();
    }

    // ------------------------------------------------------------------ user threads

    // mm/memory.c:handle_mm_fault entry: a user instruction begins an access (BeginAccess)
    static Cluster beginAccess(Cluster c, int t, boolean w) {
        if (c.pc.get(t) != Pc.Idle || c.accesses.get(t) >= c.cfg.maxAccesses()) return null;
        Builder b = c.edit().pc(t, Pc.Access);
        b.isWrite = b.isWrite.update(t, w);
        b.accesses = b.accesses.update(t, c.accesses.get(t) + 1);
        return b.build();
    }

    // the load executes (UserRead)
    static Cluster userRead(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Access || c.isWrite.get(t) || !permits(c, c.cfg.homeOf(t), false) || c.fpc.get(t) != Fpc.None) return null;
        return c.edit().pc(t, Pc.Idle).build();
    }

    // the store executes (UserWrite)
    static Cluster userWrite(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Access || !c.isWrite.get(t) || !permits(c, c.cfg.homeOf(t), true) || c.fpc.get(t) != Fpc.None) return null;
        int v = fresh(c);
        Builder b = c.edit().frame(c.cfg.homeOf(t), v).pc(t, Pc.Idle);
        b.lastWritten = v;
        b.isWrite = b.isWrite.update(t, false);
        return b.build();
    }

    // page_server.c:page_server_handle_pte_fault -> VM_FAULT_CONTINUE at the origin (HandlePteFault)
    static Cluster handlePteFault(Cluster c, int t) {
        int n = c.cfg.homeOf(t);
        boolean w = c.isWrite.get(t);
        if (c.pc.get(t) != Pc.Access || n != ORIGIN || permits(c, n, w)) return null;
        Pte p = c.pte.get(n);
        if (!(p == Pte.NONE || (!c.distributed && p == Pte.RO))) return null;
        if (p == Pte.NONE) return c.edit().pte(n, w ? Pte.RW : Pte.RO).frame(n, 0).build();
        return c.edit().pte(n, Pte.RW).build();
    }

    // page_server.c:__start_fault_handling for a user fault (StartFaultHandling)
    static Cluster startFaultHandling(Cluster c, int t) {
        int n = c.cfg.homeOf(t);
        boolean w = c.isWrite.get(t);
        if (c.pc.get(t) != Pc.Access || permits(c, n, w)) return null;
        if (n == ORIGIN && !(c.pte.get(n) != Pte.NONE && c.distributed)) return null;
        return switch (fhDecision(c, n, w, false)) {
            case LEADER -> c.edit().fh(n, FaultHandle.newFh(w, false, Context.task(c.cfg, t)))
                    .pc(t, n == ORIGIN ? Pc.OLeader : Pc.RLeader).build();
            case FOLLOW -> c.edit().fh(n, joinFh(c, n, w, false, Context.task(c.cfg, t))).pc(t, Pc.FollowWait).build();
            case WAITRETRY -> c.edit().fh(n, sleepRetryFh(c, n, w, false, Context.task(c.cfg, t))).pc(t, Pc.WaitRetry).build();
            case RETRY -> c.edit().pc(t, Pc.Backoff).build();
            case INVALID -> c.edit().bug(Bug.InvalidAction).pc(t, Pc.Oops).build();
        };
    }

    // mm/memory.c:handle_pte_fault back-off after VM_FAULT_RETRY; a pin loops in page_server_get_userpage (BackoffRetry)
    static Cluster backoffRetry(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Backoff) return null;
        return c.edit().pc(t, c.fpc.get(t) == Fpc.Pin ? Pc.Futex : Pc.Access).build();
    }

    // page_server.c:__handle_localfault_at_origin, leader, mine, read: racy exit (RacyExitAtOrigin)
    static Cluster racyExitAtOrigin(Cluster c, int t) {
        if (c.pc.get(t) != Pc.OLeader || !mine(c) || c.isWrite.get(t)) return null;
        Builder b = c.edit().pc(t, Pc.Finish);
        if (!c.owner(ORIGIN)) b.bug(Bug.NotOwnerAtOrigin);
        return b.build();
    }

    // page_server.c:__claim_local_page(except = origin) (ClaimLocalPage)
    static Cluster claimLocalPage(Cluster c, int t) {
        if (c.pc.get(t) != Pc.OLeader || !mine(c) || !c.isWrite.get(t)) return null;
        int s = c.owners & ~(1 << ORIGIN);
        Builder b = c.edit();
        b.owners = c.owners & ~s;
        sendInvs(b, s, t);
        return b.ws(t, WaitStation.expecting(Integer.bitCount(s))).pc(t, Pc.OClaimWait).build();
    }

    // page_server.c:__claim_remote_page from __handle_localfault_at_origin (ClaimRemotePage)
    static Cluster claimRemotePage(Cluster c, int t, int src) {
        if (c.pc.get(t) != Pc.OLeader || mine(c)) return null;
        if (claimPeers(c) == 0) {
            if (src != -1) return null;
            return c.edit().bug(Bug.NoPeers).pc(t, Pc.Oops).build();
        }
        if (src < 0 || (claimPeers(c) & (1 << src)) == 0) return null;
        Builder b = c.edit();
        claimRemote(c, b, src, c.isWrite.get(t), t);
        return b.pc(t, Pc.OClaimWait).build();
    }

    // page_server.c:__claim_remote_page tail + __make_pte_valid / ptep_set_access_flags (MakePteValid)
    static Cluster makePteValid(Cluster c, int t) {
        WaitStation st = c.ws.get(t);
        if (c.pc.get(t) != Pc.OClaimWait || st.count() != 0) return null;
        int s = st.src();
        boolean w = c.isWrite.get(t);
        int o1 = s != -1 && w ? c.owners & ~(1 << s) : c.owners;
        int o2 = s != -1 ? o1 | (1 << ORIGIN) : o1;
        Builder b = c.edit();
        if (s != -1) {
            if (st.result() == Result.OK && c.pte.get(ORIGIN) != Pte.NONE) b.frame(ORIGIN, st.data());
            b.pte(ORIGIN, w ? Pte.RW : Pte.RO);
            b.distributed = true;
        } else if (c.pte.get(ORIGIN).present()) {
            b.pte(ORIGIN, Pte.RW);
        }
        b.owners = o2;
        if ((o2 & (1 << ORIGIN)) == 0) b.bug(Bug.NotOwnerAtOrigin);
        return b.ws(t, WaitStation.IDLE).pc(t, Pc.Finish).build();
    }

    // page_server.c:__handle_localfault_at_remote leader -> __fetch_page_from_origin (FetchPageFromOrigin)
    static Cluster fetchPageFromOrigin(Cluster c, int t) {
        if (c.pc.get(t) != Pc.RLeader) return null;
        int n = c.cfg.homeOf(t);
        Builder b = c.edit();
        b.populated = b.populated.update(t, c.pte.get(n) == Pte.NONE);
        b.send(n, ORIGIN, ModelKmsg.req(t, c.isWrite.get(t)));
        return b.ws(t, WaitStation.expecting(1)).pc(t, Pc.RWait).build();
    }

    // page_server.c:__handle_localfault_at_remote after the wait (RemoteFaultComplete)
    static Cluster remoteFaultComplete(Cluster c, int t) {
        WaitStation st = c.ws.get(t);
        if (c.pc.get(t) != Pc.RWait || st.count() != 0) return null;
        int n = c.cfg.homeOf(t);
        boolean w = c.isWrite.get(t);
        boolean pop = c.populated.get(t);
        Builder b = c.edit().ws(t, WaitStation.IDLE);
        b.populated = b.populated.update(t, false);
        Result r = st.result();
        if (r == Result.OK) {
            b.pte(n, w ? Pte.RW : Pte.RO);
            if (pop || c.pte.get(n) != Pte.NONE) b.frame(n, st.data());
            b.view(n, View.MINE).pc(t, Pc.Finish);
        } else if (r == Result.CONTINUE && pop) {
            b.bug(Bug.PopulatedGrant).pc(t, Pc.Oops);
        } else if (r == Result.CONTINUE) {
            b.pte(n, w ? Pte.RW : Pte.RO).view(n, View.MINE).pc(t, Pc.Finish);
        } else {
            b.fh(n, c.fh.get(n).withRetry(true));
            b.ret = b.ret.update(t, true);
            b.pc(t, Pc.Finish);
        }
        return b.build();
    }

    // page_server.c:__finish_fault_handling by a leader or a woken follower (FinishFaultHandling)
    static Cluster finishFaultHandling(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Finish || c.fpc.get(t) == Fpc.Pin) return null;   // a pin keeps its handle
        int n = c.cfg.homeOf(t);
        Vector<Pc> base = c.pc.update(t, c.ret.get(t) ? Pc.Backoff : Pc.Access);
        Builder b = c.edit().fh(n, fhAfterLeave(c, n, Context.task(c.cfg, t)));
        b.pc = pcAfterLeave(c, n, base);
        b.ret = retAfterLeave(c, n, c.ret.update(t, false));
        b.pool = c.pool.update(n, poolAfterLeave(c, n, c.pool.get(n)));
        return b.build();
    }

    // ------------------------------------------------------------------ futex_wait at the origin: the pin (S4.8)

    /**
     * FutexEntry(t, op): do_futex entered by an origin thread (its own syscall, one of its MaxAccesses)
     * or by a home task taking its remote_work slot (process_server.c:__process_remote_works ->
     * process_remote_futex_request -> do_futex); null when not enabled.
     */
    static Builder futexEntry(Cluster c, int t, boolean wake) {
        if (c.cfg.isHomeTask(t)) return c.pc.get(t) == (wake ? Pc.RemoteWorkWake : Pc.RemoteWorkWait) ? c.edit() : null;
        if (!c.cfg.futexOn() || c.cfg.homeOf(t) != ORIGIN || c.pc.get(t) != Pc.Idle
                || c.accesses.get(t) >= c.cfg.maxAccesses()) return null;
        Builder b = c.edit();
        b.accesses = b.accesses.update(t, c.accesses.get(t) + 1);
        return b;
    }

    /** FutexDonePc: an origin thread returns to user space, a home task to process_remote_futex_request. */
    static Pc futexDonePc(Cluster c, int t) {
        return c.cfg.isHomeTask(t) ? Pc.FutexRet : Pc.Idle;
    }

    // kernel/futex.c:futex_wait entry, origin context (FutexWaitStart)
    static Cluster futexWaitStart(Cluster c, int t) {
        Builder b = futexEntry(c, t, false);
        if (b == null) return null;
        b.pc(t, Pc.Futex).fpc(t, Fpc.Pin);
        b.isWrite = b.isWrite.update(t, c.cfg.pinWrite());
        return b.build();
    }

    // page_server.c:page_server_get_userpage: __start_fault_handling(isWrite, not remote), no PTE checks (PageServerGetUserpage)
    static Cluster pageServerGetUserpage(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Futex || c.fpc.get(t) != Fpc.Pin) return null;
        boolean w = c.isWrite.get(t);
        boolean claims = !mine(c) || (w && c.distributed);
        return switch (fhDecision(c, ORIGIN, w, false)) {
            case LEADER -> {
                Builder b = c.edit().fh(ORIGIN, FaultHandle.newFh(w, false, Context.task(c.cfg, t)));
                if (claims) yield b.pc(t, Pc.OLeader).build();
                if (w && c.pte.get(ORIGIN) == Pte.RO) b.pte(ORIGIN, Pte.RW);   // page mine: pinned at once
                yield b.fpc(t, Fpc.Key).build();
            }
            case FOLLOW -> c.edit().fh(ORIGIN, joinFh(c, ORIGIN, w, false, Context.task(c.cfg, t))).pc(t, Pc.FollowWait).build();
            case WAITRETRY -> c.edit().fh(ORIGIN, sleepRetryFh(c, ORIGIN, w, false, Context.task(c.cfg, t))).pc(t, Pc.WaitRetry).build();
            case RETRY -> c.edit().pc(t, Pc.Backoff).build();
            case INVALID -> c.edit().bug(Bug.InvalidAction).pc(t, Pc.Oops).build();
        };
    }

    // page_server.c:page_server_get_userpage returns the kept handle (leader after its claim, woken follower) (FutexPinned)
    static Cluster futexPinned(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Finish || c.fpc.get(t) != Fpc.Pin) return null;
        Builder b = c.edit().pc(t, Pc.Futex).fpc(t, Fpc.Key);
        b.ret = b.ret.update(t, false);
        return b.build();
    }

    // kernel/futex.c:get_futex_key: private -> no access; shared -> get_user_pages_fast(FOLL_WRITE) (FutexGetKey)
    // (futex_wake, fpc WakeKey: the same call without a pin; private -> Wake at once)
    static Cluster futexGetKey(Cluster c, int t) {
        Fpc f = c.fpc.get(t);
        if (c.pc.get(t) != Pc.Futex || (f != Fpc.Key && f != Fpc.WakeKey)) return null;
        boolean shared = c.cfg.futexShared(), wait = f == Fpc.Key;
        Builder b = c.edit().pc(t, shared || wait ? Pc.Access : Pc.Futex).fpc(t, shared ? f : wait ? Fpc.Value : Fpc.Wake);
        b.isWrite = b.isWrite.update(t, shared);
        return b.build();
    }

    // mm/gup.c:follow_page_mask finds the writable PTE (GupFollowPage)
    static Cluster gupFollowPage(Cluster c, int t) {
        Fpc f = c.fpc.get(t);
        if (c.pc.get(t) != Pc.Access || (f != Fpc.Key && f != Fpc.WakeKey) || !c.isWrite.get(t) || !permits(c, ORIGIN, true)) return null;
        boolean wait = f == Fpc.Key;
        Builder b = c.edit().fpc(t, wait ? Fpc.Value : Fpc.Wake).pc(t, wait ? Pc.Access : Pc.Futex);
        b.isWrite = b.isWrite.update(t, false);
        return b.build();
    }

    // kernel/futex.c:get_futex_value_locked reads the word (FutexReadValue)
    static Cluster futexReadValue(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Access || c.fpc.get(t) != Fpc.Value || !permits(c, ORIGIN, false)) return null;
        return c.edit().pc(t, Pc.Futex).fpc(t, Fpc.Unpin).build();
    }

    // page_server.c:page_server_put_userpage -> __finish_fault_handling (PageServerPutUserpage)
    static Cluster pageServerPutUserpage(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Futex || c.fpc.get(t) != Fpc.Unpin) return null;
        Builder b = c.edit().fh(ORIGIN, fhAfterLeave(c, ORIGIN, Context.task(c.cfg, t))).fpc(t, Fpc.None);
        b.pc = pcAfterLeave(c, ORIGIN, c.pc.update(t, futexDonePc(c, t)));
        b.ret = retAfterLeave(c, ORIGIN, c.ret);
        b.pool = c.pool.update(ORIGIN, poolAfterLeave(c, ORIGIN, c.pool.get(ORIGIN)));
        b.isWrite = b.isWrite.update(t, false);
        return b.build();
    }

    // ------------------------------------------------------------------ futex_wake, at the origin and forwarded

    // kernel/futex.c:futex_wake entry: no page_server hook, no pin (FutexWakeStart)
    static Cluster futexWakeStart(Cluster c, int t) {
        if (!c.cfg.futexWake()) return null;
        Builder b = futexEntry(c, t, true);
        return b == null ? null : b.pc(t, Pc.Futex).fpc(t, Fpc.WakeKey).build();
    }

    // kernel/futex.c:futex_wake after get_futex_key: wake the queue's matching waiters (abstract) (FutexWake)
    static Cluster futexWake(Cluster c, int t) {
        if (c.pc.get(t) != Pc.Futex || c.fpc.get(t) != Fpc.Wake) return null;
        return c.edit().pc(t, futexDonePc(c, t)).fpc(t, Fpc.None).build();
    }

    // ------------------------------------------------------------------ futex ops forwarded from a remote (process-vma S6)

    // process_server.c:process_server_do_futex_at_remote: FUTEX_REQUEST to the origin, wait_at_station (ProcessServerDoFutexAtRemote)
    static Cluster processServerDoFutexAtRemote(Cluster c, int t, boolean wake) {
        if (!c.cfg.futexFwd() || !c.cfg.futexOn() || (wake && !c.cfg.futexWake()) || c.cfg.isHomeTask(t)
                || c.cfg.homeOf(t) == ORIGIN || c.pc.get(t) != Pc.Idle || c.accesses.get(t) >= c.cfg.maxAccesses()) return null;
        Builder b = c.edit().send(c.cfg.homeOf(t), ORIGIN,
                ModelKmsg.futexReq(t, wake ? ModelKmsg.FUTEX_WAKE : ModelKmsg.FUTEX_WAIT, !c.cfg.futexShared()));
        b.accesses = b.accesses.update(t, c.accesses.get(t) + 1);
        return b.ws(t, WaitStation.expecting(1)).pc(t, Pc.RFutexWait).build();
    }

    // process_server.c:process_remote_futex_request after do_futex: FUTEX_RESPONSE to remote_nid (ProcessRemoteFutexRequest)
    static Cluster processRemoteFutexRequest(Cluster c, int h) {
        if (!c.cfg.isHomeTask(h) || c.pc.get(h) != Pc.FutexRet) return null;
        int r = h - c.cfg.threads();
        return c.edit().send(ORIGIN, c.cfg.homeOf(r), ModelKmsg.futexResp(r)).pc(h, Pc.Idle).build();
    }

    // process_server.c:process_server_do_futex_at_remote after wait_at_station: the syscall returns (RemoteFutexComplete)
    static Cluster remoteFutexComplete(Cluster c, int t) {
        if (c.pc.get(t) != Pc.RFutexWait || c.ws.get(t).count() != 0) return null;
        return c.edit().pc(t, Pc.Idle).ws(t, WaitStation.IDLE).build();
    }

    // ------------------------------------------------------------------ transport

    // pcn_kmsg receive kthread: inline handle_remote_page_response / handle_page_invalidate_response,
    // or __handle_popcorn_work queues a pcn_wq item (Deliver)
    static Cluster deliver(Cluster c, int a, int bNode) {
        var q = c.chan(a, bNode);
        if (q.isEmpty()) return null;
        PcnKmsg m = q.head();
        Builder b = c.edit();
        b.chan = c.chan.update(a * c.cfg.n() + bNode, q.tail());
        String type = ModelKmsg.type(m);
        int i = ModelKmsg.ws(m);
        switch (type) {
            case "REQ", "INV" -> b.pool = c.pool.update(bNode,
                    c.pool.get(bNode).add(Worker.received(type.equals("INV"), a, i, ModelKmsg.write(m))));
            case "FREQ" -> {   // process_server.c:handle_remote_futex_request -> request_remote_work(origin_pid)
                int h = c.cfg.threads() + i;
                if (c.pc.get(h) == Pc.Idle) {
                    b.pc(h, ModelKmsg.data(m) == ModelKmsg.FUTEX_WAIT ? Pc.RemoteWorkWait : Pc.RemoteWorkWake);
                } else {
                    b.bug(Bug.RemoteWorkBusy);   // BUG_ON(tsk->remote_work)
                }
            }
            case "ACK" -> {
                WaitStation s = c.ws.get(i);
                b.ws(i, new WaitStation(s.count() - 1, s.result(), s.data(), s.src()));
            }
            default -> {
                WaitStation s = c.ws.get(i);
                b.ws(i, new WaitStation(s.count() - 1, ModelKmsg.result(m), ModelKmsg.data(m), s.src()));
            }
        }
        return b.build();
    }

    // ------------------------------------------------------------------ origin workers

    // mm/memory.c:handle_pte_fault_origin from __handle_remotefault_at_origin (HandlePteFaultOrigin)
    static Cluster handlePteFaultOrigin(Cluster c, Worker w) {
        if (w.inv() || w.stage() != Worker.Stage.Start || c.pte.get(ORIGIN) != Pte.NONE) return null;
        return c.edit().pte(ORIGIN, Pte.RW).frame(ORIGIN, 0).build();
    }

    // page_server.c:process_remote_page_request -> __handle_remotefault_at_origin: fault handle (ServeAtOriginStart)
    static Cluster serveAtOriginStart(Cluster c, Worker w) {
        if (w.inv() || w.stage() != Worker.Stage.Start || c.pte.get(ORIGIN) == Pte.NONE) return null;
        return switch (fhDecision(c, ORIGIN, w.write(), true)) {
            case LEADER -> c.edit().fh(ORIGIN, FaultHandle.newFh(w.write(), true, Context.work(ORIGIN, w)))
                    .replaceWorker(ORIGIN, w, w.withStage(Worker.Stage.Decide)).build();
            case RETRY -> c.edit().replaceWorker(ORIGIN, w, w.respond(Result.RETRY, w.data())).build();
            case WAITRETRY -> c.edit().fh(ORIGIN, sleepRetryFh(c, ORIGIN, w.write(), true, Context.work(ORIGIN, w)))
                    .replaceWorker(ORIGIN, w, w.withStage(Worker.Stage.WaitRetry)).build();
            default -> c.edit().bug(Bug.InvalidAction).replaceWorker(ORIGIN, w, w.withStage(Worker.Stage.Oops)).build();
        };
    }

    // page_server.c:__handle_remotefault_at_origin leader decision, branches (G) and (L) (ServeAtOriginDecide)
    static Cluster serveAtOriginDecide(Cluster c, Worker w) {
        boolean g = c.owner(w.from());
        if (w.inv() || w.stage() != Worker.Stage.Decide || !(g || mine(c))) return null;
        if (g && !w.write()) {
            return c.edit().bug(Bug.ReadFaultFromOwner).replaceWorker(ORIGIN, w, w.withStage(Worker.Stage.Oops)).build();
        }
        int s = g ? c.owners & ~((1 << w.from()) | (1 << ORIGIN)) : w.write() ? c.owners & ~(1 << ORIGIN) : 0;
        int i = workerWs(c, w);
        Builder b = c.edit();
        b.owners = c.owners & ~s;
        sendInvs(b, s, i);
        return b.ws(i, WaitStation.expecting(Integer.bitCount(s)))
                .replaceWorker(ORIGIN, w, w.withStage(Worker.Stage.ClaimWait).withGrant(g)).build();
    }

    // page_server.c:__handle_remotefault_at_origin branch (C) -> __claim_remote_page (ServeAtOriginClaimRemote)
    static Cluster serveAtOriginClaimRemote(Cluster c, Worker w, int src) {
        if (w.inv() || w.stage() != Worker.Stage.Decide || c.owner(w.from()) || mine(c)) return null;
        if (claimPeers(c) == 0) {
            if (src != -1) return null;
            return c.edit().bug(Bug.NoPeers).replaceWorker(ORIGIN, w, w.withStage(Worker.Stage.Oops)).build();
        }
        if (src < 0 || (claimPeers(c) & (1 << src)) == 0) return null;
        Builder b = c.edit();
        claimRemote(c, b, src, w.write(), workerWs(c, w));
        return b.replaceWorker(ORIGIN, w, w.withStage(Worker.Stage.ClaimWait)).build();
    }

    // page_server.c:__handle_remotefault_at_origin after the claims, up to __finish_fault_handling (ServeAtOriginUpdate)
    static Cluster serveAtOriginUpdate(Cluster c, Worker w) {
        int i = workerWs(c, w);
        WaitStation st = c.ws.get(i);
        if (w.inv() || w.stage() != Worker.Stage.ClaimWait || st.count() != 0) return null;
        int s = st.src();
        int f1 = s != -1 && st.result() == Result.OK && c.pte.get(ORIGIN) != Pte.NONE ? st.data() : c.frame.get(ORIGIN);
        int o1 = s != -1 && w.write() ? c.owners & ~(1 << s) : c.owners;
        int o2 = w.write() ? (o1 | (1 << w.from())) & ~(1 << ORIGIN) : o1 | (1 << w.from()) | (1 << ORIGIN);
        Worker w2 = w.grant() ? w.respond(Result.CONTINUE, -1) : w.respond(Result.OK, f1);
        Builder b = c.edit().frame(ORIGIN, f1);
        Pte p0 = c.pte.get(ORIGIN);
        b.pte(ORIGIN, w.write() ? (p0 == Pte.NONE ? Pte.NONE : Pte.INV) : Pte.RO);
        b.distributed = true;
        b.owners = o2;
        b.ws(i, WaitStation.IDLE).fh(ORIGIN, fhAfterLeave(c, ORIGIN, Context.work(ORIGIN, w)));
        b.pc = pcAfterLeave(c, ORIGIN, c.pc);
        b.ret = retAfterLeave(c, ORIGIN, c.ret);
        b.pool = c.pool.update(ORIGIN, poolAfterLeave(c, ORIGIN, c.pool.get(ORIGIN).replace(w, w2)));
        return b.build();
    }

    // page_server.c:process_remote_page_request tail: post the response (PostResponse)
    static Cluster postResponse(Cluster c, int n, Worker w) {
        if (w.inv() || w.stage() != Worker.Stage.Respond) return null;
        Builder b = c.edit().send(n, w.from(), ModelKmsg.resp(w.ws(), w.result(), w.data()));
        b.pool = c.pool.update(n, c.pool.get(n).remove(w));
        return b.build();
    }

    // ------------------------------------------------------------------ remote workers

    // page_server.c:process_remote_page_request -> __handle_remotefault_at_remote (ServeAtRemote)
    static Cluster serveAtRemote(Cluster c, int n, Worker w) {
        if (w.inv() || w.stage() != Worker.Stage.Start) return null;
        Decision d = fhDecision(c, n, w.write(), true);
        if (d == Decision.RETRY) return null;
        Worker wSegv = w.respond(Result.SIGSEGV, w.data());
        if (d == Decision.WAITRETRY) {
            return c.edit().fh(n, sleepRetryFh(c, n, w.write(), true, Context.work(n, w))).replaceWorker(n, w, w.withStage(Worker.Stage.WaitRetry)).build();
        }
        if (d == Decision.LEADER) {
            if (c.pte.get(n) == Pte.NONE) {
                Builder b = c.edit().replaceWorker(n, w, wSegv);
                // handle leaked (B1): pendings stays 1, but the work item ends: no holder
                if (c.cfg.bug("B1")) b.fh(n, FaultHandle.newFh(w.write(), true, Context.work(n, w)).withHolders(TreeSet.empty()));
                return b.build();
            }
            if (!c.view.get(n).mine()) {
                return c.edit().bug(Bug.NotMine).fh(n, FaultHandle.newFh(w.write(), true, Context.work(n, w)))
                        .replaceWorker(n, w, w.withStage(Worker.Stage.Oops)).build();
            }
            View v = c.view.get(n);
            return c.edit().pte(n, w.write() ? Pte.INV : Pte.RO).view(n, new View(true, !w.write() && v.own()))
                    .replaceWorker(n, w, w.respond(Result.OK, c.frame.get(n))).build();
        }
        return c.edit().bug(Bug.InvalidAction).replaceWorker(n, w, w.withStage(Worker.Stage.Oops)).build();
    }

    // page_server.c:process_page_invalidate_request -> __start_invalidation, handle present (InvalidateStart)
    static Cluster invalidateStart(Cluster c, int n, Worker w) {
        if (!w.inv() || w.stage() != Worker.Stage.Start || !c.fh.get(n).hashed()) return null;
        if (c.fh.get(n).inv()) {
            return c.edit().bug(Bug.DoubleInvalidate).replaceWorker(n, w, w.withStage(Worker.Stage.Oops)).build();
        }
        return c.edit().fh(n, c.fh.get(n).withInv(true)).replaceWorker(n, w, w.withStage(Worker.Stage.InvWait)).build();
    }

    // page_server.c:__do_invalidate_page + __finish_invalidation, then the ack (InvalidateApply)
    static Cluster invalidateApply(Cluster c, int n, Worker w) {
        boolean waited = w.stage() == Worker.Stage.InvWait;
        if (!w.inv()) return null;
        if (!((w.stage() == Worker.Stage.Start && !c.fh.get(n).hashed()) || (waited && c.fh.get(n).users() == 0))) return null;
        Builder b = c.edit().view(n, new View(c.view.get(n).dist(), false));
        if (c.pte.get(n).present()) {
            b.pte(n, Pte.INV).send(n, ORIGIN, ModelKmsg.ack(w.ws()));
            if (waited) {
                b.fh(n, FaultHandle.NONE);
                b.pc = wakeRetryPc(c, n, c.pc);
                b.pool = c.pool.update(n, wakeRetryPool(n, c.pool.get(n).remove(w)));
            } else {
                b.pool = c.pool.update(n, c.pool.get(n).remove(w));
            }
        } else {
            b.bug(Bug.InvalidateNotPresent).replaceWorker(n, w, w.withStage(Worker.Stage.Oops));
        }
        return b.build();
    }

    // ------------------------------------------------------------------ bug actions: zap and release

    /** ZapEffectAtOrigin; after MADV_DONTNEED the page reads as zeros: for DataValue a write of 0. */
    static void zapEffectAtOrigin(Builder b) {
        b.pte(ORIGIN, Pte.NONE).frame(ORIGIN, -1);
        b.owners = 0;
        b.distributed = false;
        b.lastWritten = 0;
    }

    // page_server.c:page_server_zap_pte at the origin via MADV_DONTNEED (ZapOrigin, B2)
    static Cluster zapOrigin(Cluster c) {
        if (!c.cfg.bug("B2o") || c.envOps >= c.cfg.maxEnvOps() || c.pte.get(ORIGIN) == Pte.NONE) return null;
        Builder b = c.edit();
        zapEffectAtOrigin(b);
        b.envOps++;
        return b.build();
    }

    // page_server.c:page_server_zap_pte at remote n via MADV_DONTNEED (ZapRemote, B2)
    static Cluster zapRemote(Cluster c, int n) {
        if (!c.cfg.bug("B2r") || c.envOps >= c.cfg.maxEnvOps() || c.pte.get(n) == Pte.NONE
                || (c.dontneedFwd & (1 << n)) != 0) return null;
        Builder b = c.edit().pte(n, Pte.NONE).frame(n, -1).view(n, View.EMPTY);
        b.dontneedFwd |= 1 << n;
        b.envOps++;
        return b.build();
    }

    // vma_server.c: forwarded VMA_OP_MADVISE(MADV_DONTNEED) runs at the origin (ForwardMadviseDontneed)
    static Cluster forwardMadviseDontneed(Cluster c, int n) {
        if ((c.dontneedFwd & (1 << n)) == 0) return null;
        Builder b = c.edit();
        if (c.pte.get(ORIGIN) != Pte.NONE) zapEffectAtOrigin(b);
        b.dontneedFwd &= ~(1 << n);
        return b.build();
    }

    /** NodeQuiet: MADV_RELEASE holds mmap_sem for write: nobody of n inside the page server. */
    static boolean nodeQuiet(Cluster c, int n) {
        for (int t = 0; t < c.pc.size(); t++) {
            Pc p = c.pc.get(t);
            if (c.cfg.homeOf(t) == n && p != Pc.Idle && p != Pc.Access && p != Pc.Backoff) return false;
        }
        for (Worker w : c.pool.get(n)) {
            if (w.stage() != Worker.Stage.Start && w.stage() != Worker.Stage.Respond) return false;
        }
        return true;
    }

    // page_server.c:page_server_release_page_ownership at the origin (MadviseReleaseOrigin, B6)
    static Cluster madviseReleaseOrigin(Cluster c) {
        if (!c.cfg.bug("B6") || c.envOps >= c.cfg.maxEnvOps() || !c.pte.get(ORIGIN).present() || !nodeQuiet(c, ORIGIN)) return null;
        Builder b = c.edit().pte(ORIGIN, Pte.INV);
        b.owners = c.owners & ~(1 << ORIGIN);
        b.envOps++;
        return b.build();
    }

    // page_server.c:page_server_release_page_ownership at remote n (MadviseReleaseRemote, B5)
    static Cluster madviseReleaseRemote(Cluster c, int n) {
        if (!c.cfg.bug("B5") || c.envOps >= c.cfg.maxEnvOps() || !c.pte.get(n).present() || !nodeQuiet(c, n)
                || (c.releaseFwd & (1 << n)) != 0) return null;
        Builder b = c.edit().pte(n, Pte.INV).view(n, new View(c.view.get(n).dist(), false));
        b.releaseFwd |= 1 << n;
        b.envOps++;
        return b.build();
    }

    // vma_server.c:process_madvise_release_from_remote at the origin (ReleaseFromRemote)
    static Cluster releaseFromRemote(Cluster c, int n) {
        if ((c.releaseFwd & (1 << n)) == 0) return null;
        Builder b = c.edit();
        if (c.pte.get(ORIGIN) != Pte.NONE) b.owners = c.owners & ~(1 << n);
        b.releaseFwd &= ~(1 << n);
        return b.build();
    }

    // ------------------------------------------------------------------ Next

    /** WorkerAt(n, type, f, i): the work item of node n for the message of type from f with station i. */
    static Worker workerAt(Cluster c, int n, boolean inv, int f, int i) {
        if (n < 0 || n >= c.cfg.n()) return null;
        for (Worker w : c.pool.get(n)) if (w.inv() == inv && w.from() == f && w.ws() == i) return w;
        return null;
    }

    /** The successor of {@code c} by {@code s}, or null when s is not enabled. */
    public static Cluster apply(Cluster c, PageStep s) {
        int x = s.x(), y = s.y(), z = s.z();
        return switch (s.kind()) {
            case BeginAccess -> beginAccess(c, x, y != 0);
            case UserRead -> userRead(c, x);
            case UserWrite -> userWrite(c, x);
            case HandlePteFault -> handlePteFault(c, x);
            case StartFaultHandling -> startFaultHandling(c, x);
            case BackoffRetry -> backoffRetry(c, x);
            case RacyExitAtOrigin -> racyExitAtOrigin(c, x);
            case ClaimLocalPage -> claimLocalPage(c, x);
            case ClaimRemotePage -> claimRemotePage(c, x, y);
            case MakePteValid -> makePteValid(c, x);
            case FetchPageFromOrigin -> fetchPageFromOrigin(c, x);
            case RemoteFaultComplete -> remoteFaultComplete(c, x);
            case FinishFaultHandling -> finishFaultHandling(c, x);
            case Deliver -> deliver(c, x, y);
            case HandlePteFaultOrigin -> onOriginItem(c, x, y, w -> handlePteFaultOrigin(c, w));
            case ServeAtOriginStart -> onOriginItem(c, x, y, w -> serveAtOriginStart(c, w));
            case ServeAtOriginDecide -> onOriginItem(c, x, y, w -> serveAtOriginDecide(c, w));
            case ServeAtOriginClaimRemote -> onOriginItem(c, x, y, w -> serveAtOriginClaimRemote(c, w, z));
            case ServeAtOriginUpdate -> onOriginItem(c, x, y, w -> serveAtOriginUpdate(c, w));
            case PostResponse -> {
                Worker w = workerAt(c, x, false, y, z);
                yield w == null ? null : postResponse(c, x, w);
            }
            case ServeAtRemote -> onRemoteItem(c, x, false, y, w -> serveAtRemote(c, x, w));
            case InvalidateStart -> onRemoteItem(c, x, true, y, w -> invalidateStart(c, x, w));
            case InvalidateApply -> onRemoteItem(c, x, true, y, w -> invalidateApply(c, x, w));
            case ZapOrigin -> zapOrigin(c);
            case ZapRemote -> x <= ORIGIN ? null : zapRemote(c, x);
            case ForwardMadviseDontneed -> x <= ORIGIN ? null : forwardMadviseDontneed(c, x);
            case MadviseReleaseOrigin -> madviseReleaseOrigin(c);
            case MadviseReleaseRemote -> x <= ORIGIN ? null : madviseReleaseRemote(c, x);
            case ReleaseFromRemote -> x <= ORIGIN ? null : releaseFromRemote(c, x);
            case FutexWaitStart -> futexWaitStart(c, x);
            case PageServerGetUserpage -> pageServerGetUserpage(c, x);
            case FutexPinned -> futexPinned(c, x);
            case FutexGetKey -> futexGetKey(c, x);
            case GupFollowPage -> gupFollowPage(c, x);
            case FutexReadValue -> futexReadValue(c, x);
            case PageServerPutUserpage -> pageServerPutUserpage(c, x);
            case FutexWakeStart -> futexWakeStart(c, x);
            case FutexWake -> futexWake(c, x);
            case ProcessServerDoFutexAtRemote -> y == 0 || y == 1 ? processServerDoFutexAtRemote(c, x, y == 1) : null;
            case ProcessRemoteFutexRequest -> processRemoteFutexRequest(c, x);
            case RemoteFutexComplete -> remoteFutexComplete(c, x);
        };
    }

    /** Origin work items: f \in Remotes, i \in Threads. */
    private static Cluster onOriginItem(Cluster c, int f, int i, java.util.function.Function<Worker, Cluster> act) {
        if (f <= ORIGIN || f >= c.cfg.n() || i < 0 || i >= c.cfg.threads()) return null;
        Worker w = workerAt(c, ORIGIN, false, f, i);
        return w == null ? null : act.apply(w);
    }

    /** Remote work items: n \in Remotes, sender Origin. */
    private static Cluster onRemoteItem(Cluster c, int n, boolean inv, int i, java.util.function.Function<Worker, Cluster> act) {
        if (n <= ORIGIN) return null;
        Worker w = workerAt(c, n, inv, ORIGIN, i);
        return w == null ? null : act.apply(w);
    }

    private static void emit(BiConsumer<PageStep, Cluster> sink, PageStep s, Cluster next) {
        if (next != null) sink.accept(s, next);
    }

    /** Every enabled step with its successor, in the order of the spec's Next disjuncts. */
    public static void forEachSuccessor(Cluster c, BiConsumer<PageStep, Cluster> sink) {
        int n = c.cfg.n();
        for (int t = 0; t < c.cfg.threads(); t++) {
            emit(sink, PageStep.of(Action.BeginAccess, t, 0), beginAccess(c, t, false));
            emit(sink, PageStep.of(Action.BeginAccess, t, 1), beginAccess(c, t, true));
        }
        for (int t = 0; t < c.cfg.tasks(); t++) {
            Pc p = c.pc.get(t);
            switch (p) {
                case Access -> {
                    emit(sink, PageStep.of(Action.UserRead, t), userRead(c, t));
                    emit(sink, PageStep.of(Action.UserWrite, t), userWrite(c, t));
                    emit(sink, PageStep.of(Action.HandlePteFault, t), handlePteFault(c, t));
                    emit(sink, PageStep.of(Action.StartFaultHandling, t), startFaultHandling(c, t));
                }
                case Backoff -> emit(sink, PageStep.of(Action.BackoffRetry, t), backoffRetry(c, t));
                case OLeader -> {
                    emit(sink, PageStep.of(Action.RacyExitAtOrigin, t), racyExitAtOrigin(c, t));
                    emit(sink, PageStep.of(Action.ClaimLocalPage, t), claimLocalPage(c, t));
                    int peers = claimPeers(c);
                    if (peers == 0) {
                        emit(sink, PageStep.of(Action.ClaimRemotePage, t, -1), claimRemotePage(c, t, -1));
                    } else {
                        for (int src = 0; src < n; src++) {
                            if ((peers & (1 << src)) != 0) emit(sink, PageStep.of(Action.ClaimRemotePage, t, src), claimRemotePage(c, t, src));
                        }
                    }
                }
                case OClaimWait -> emit(sink, PageStep.of(Action.MakePteValid, t), makePteValid(c, t));
                case RLeader -> emit(sink, PageStep.of(Action.FetchPageFromOrigin, t), fetchPageFromOrigin(c, t));
                case RWait -> emit(sink, PageStep.of(Action.RemoteFaultComplete, t), remoteFaultComplete(c, t));
                case Finish -> emit(sink, PageStep.of(Action.FinishFaultHandling, t), finishFaultHandling(c, t));
                case RFutexWait -> emit(sink, PageStep.of(Action.RemoteFutexComplete, t), remoteFutexComplete(c, t));
                case FutexRet -> emit(sink, PageStep.of(Action.ProcessRemoteFutexRequest, t), processRemoteFutexRequest(c, t));
                default -> {
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (!c.chan(a, b).isEmpty()) emit(sink, PageStep.of(Action.Deliver, a, b), deliver(c, a, b));
            }
        }
        int nt = c.cfg.threads();
        for (Worker w : c.pool.get(ORIGIN)) {
            if (w.inv() || w.from() == ORIGIN || w.ws() >= nt) continue; // outside Remotes x Threads
            int f = w.from(), i = w.ws();
            emit(sink, PageStep.of(Action.HandlePteFaultOrigin, f, i), handlePteFaultOrigin(c, w));
            emit(sink, PageStep.of(Action.ServeAtOriginStart, f, i), serveAtOriginStart(c, w));
            emit(sink, PageStep.of(Action.ServeAtOriginDecide, f, i), serveAtOriginDecide(c, w));
            if (w.stage() == Worker.Stage.Decide) {
                int peers = claimPeers(c);
                if (peers == 0) {
                    emit(sink, PageStep.of(Action.ServeAtOriginClaimRemote, f, i, -1), serveAtOriginClaimRemote(c, w, -1));
                } else {
                    for (int src = 0; src < n; src++) {
                        if ((peers & (1 << src)) != 0) {
                            emit(sink, PageStep.of(Action.ServeAtOriginClaimRemote, f, i, src), serveAtOriginClaimRemote(c, w, src));
                        }
                    }
                }
            }
            emit(sink, PageStep.of(Action.ServeAtOriginUpdate, f, i), serveAtOriginUpdate(c, w));
        }
        for (int m = 0; m < n; m++) {
            for (Worker w : c.pool.get(m)) emit(sink, PageStep.of(Action.PostResponse, m, w.from(), w.ws()), postResponse(c, m, w));
        }
        for (int m = 1; m < n; m++) {
            for (Worker w : c.pool.get(m)) {
                if (w.from() != ORIGIN) continue;
                emit(sink, PageStep.of(Action.ServeAtRemote, m, w.ws()), serveAtRemote(c, m, w));
                emit(sink, PageStep.of(Action.InvalidateStart, m, w.ws()), invalidateStart(c, m, w));
                emit(sink, PageStep.of(Action.InvalidateApply, m, w.ws()), invalidateApply(c, m, w));
            }
        }
        emit(sink, PageStep.of(Action.ZapOrigin), zapOrigin(c));
        for (int m = 1; m < n; m++) emit(sink, PageStep.of(Action.ZapRemote, m), zapRemote(c, m));
        for (int m = 1; m < n; m++) emit(sink, PageStep.of(Action.ForwardMadviseDontneed, m), forwardMadviseDontneed(c, m));
        emit(sink, PageStep.of(Action.MadviseReleaseOrigin), madviseReleaseOrigin(c));
        for (int m = 1; m < n; m++) emit(sink, PageStep.of(Action.MadviseReleaseRemote, m), madviseReleaseRemote(c, m));
        for (int m = 1; m < n; m++) emit(sink, PageStep.of(Action.ReleaseFromRemote, m), releaseFromRemote(c, m));
        if (!c.cfg.futexOn()) return;
        for (int t = 0; t < c.cfg.tasks(); t++) {
            emit(sink, PageStep.of(Action.FutexWaitStart, t), futexWaitStart(c, t));
            emit(sink, PageStep.of(Action.PageServerGetUserpage, t), pageServerGetUserpage(c, t));
            emit(sink, PageStep.of(Action.FutexPinned, t), futexPinned(c, t));
            emit(sink, PageStep.of(Action.FutexGetKey, t), futexGetKey(c, t));
            emit(sink, PageStep.of(Action.GupFollowPage, t), gupFollowPage(c, t));
            emit(sink, PageStep.of(Action.FutexReadValue, t), futexReadValue(c, t));
            emit(sink, PageStep.of(Action.PageServerPutUserpage, t), pageServerPutUserpage(c, t));
            emit(sink, PageStep.of(Action.FutexWakeStart, t), futexWakeStart(c, t));
            emit(sink, PageStep.of(Action.FutexWake, t), futexWake(c, t));
        }
        for (int t = 0; t < c.cfg.threads(); t++) {
            emit(sink, PageStep.of(Action.ProcessServerDoFutexAtRemote, t, 0), processServerDoFutexAtRemote(c, t, false));
            emit(sink, PageStep.of(Action.ProcessServerDoFutexAtRemote, t, 1), processServerDoFutexAtRemote(c, t, true));
        }
    }
}
