package pcnref.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import pcnref.kmsg.RemoteFutexRequest;
import pcnref.kmsg.RemoteFutexResponse;
import pcnref.pages.PageStep.Action;

/**
 * Futex ops forwarded from a remote and run at the origin by the home task (process-vma S6), and
 * FUTEX_WAKE: step by step, and the fh_action rows these paths reach over whole state spaces.
 */
class FutexForwardTest {

    static Cluster run(Cluster c, PageStep... steps) {
        return FutexPinTest.run(c, steps);
    }

    static PageStep t(Action a, int t) {
        return FutexPinTest.t(a, t);
    }

    /** Thread 0 at node 1 writes the page (the origin first-touches it and goes INVALID, owners {1}). */
    static Cluster remoteWrote(PageConfig cfg) {
        Cluster c = run(Cluster.init(cfg), PageStep.of(Action.BeginAccess, 0, 1), t(Action.StartFaultHandling, 0),
                t(Action.FetchPageFromOrigin, 0), PageStep.of(Action.Deliver, 1, 0), PageStep.of(Action.HandlePteFaultOrigin, 1, 0),
                PageStep.of(Action.ServeAtOriginStart, 1, 0), PageStep.of(Action.ServeAtOriginDecide, 1, 0),
                PageStep.of(Action.ServeAtOriginUpdate, 1, 0), PageStep.of(Action.PostResponse, 0, 1, 0),
                PageStep.of(Action.Deliver, 0, 1), t(Action.RemoteFaultComplete, 0), t(Action.FinishFaultHandling, 0),
                t(Action.UserWrite, 0));
        assertEquals(Pte.INV, c.pte.get(0));
        assertEquals(Pte.RW, c.pte.get(1));
        return c;
    }

    /** The forwarded FUTEX_WAIT reaches the home task (context 1): FUTEX_REQUEST delivered into its slot. */
    static Cluster forwardedWait(Cluster c) {
        c = run(c, PageStep.of(Action.ProcessServerDoFutexAtRemote, 0, 0));
        assertTrue(c.chan(1, 0).head() instanceof RemoteFutexRequest r && r.op() == ModelKmsg.FUTEX_WAIT && r.remoteWs() == 0);
        assertEquals(Pc.RFutexWait, c.pc.get(0));
        c = run(c, PageStep.of(Action.Deliver, 1, 0));
        assertEquals(Pc.RemoteWorkWait, c.pc.get(1));
        return run(c, t(Action.FutexWaitStart, 1), t(Action.PageServerGetUserpage, 1));
    }

    @Test
    void forwardedSharedWaitOnAPageTheRemoteWroteSelfWaitsTheHomeTaskAsBuilt() {
        PageConfig cfg = new PageConfig(2, Vector.of(1), 2, 2, 8, 0, Set.of("FP1", "FutexShared", "FutexFwd"));
        Cluster c = forwardedWait(remoteWrote(cfg));
        // the home task leads a READ pin of a page it does not own: read claim from node 1
        assertEquals(Pc.OLeader, c.pc.get(1));
        c = run(c, PageStep.of(Action.ClaimRemotePage, 1, 1), PageStep.of(Action.Deliver, 0, 1));
        Worker w = c.pool.get(1).head();
        assertEquals(1, w.ws());   // the home task's station NT + 0
        c = run(c, PageStep.of(Action.ServeAtRemote, 1, 1), PageStep.of(Action.PostResponse, 1, 0, 1), PageStep.of(Action.Deliver, 1, 0),
                t(Action.MakePteValid, 1), t(Action.FutexPinned, 1));
        assertEquals(Pte.RO, c.pte.get(0));
        assertEquals(Fpc.Key, c.fpc.get(1));
        assertEquals(2, FhAction.index(false, false, false, false, true, false)); // own L - R handle, local write
        c = run(c, t(Action.FutexGetKey, 1), t(Action.StartFaultHandling, 1));
        assertEquals(Pc.WaitRetry, c.pc.get(1));
        assertFalse(PageInvariants.noSelfWait(c));
        // the home task holds the handle (its pin) and sleeps on its waits_retry
        assertEquals(io.vavr.collection.TreeSet.of(Context.task(cfg, 1)), c.fh.get(0).holders());
        assertEquals(io.vavr.collection.TreeSet.of(Context.task(cfg, 1)), c.fh.get(0).waitsRetry());
        assertEquals(new Context.HomeCtx(0), Context.task(cfg, 1));
        assertFalse(PageInvariants.waitsWakeable(c));
        // nothing can end it: no step of the home task, and its remote thread waits for FUTEX_RESPONSE
        assertTrue(c.enabledSteps().stream().noneMatch(s -> s.x() == 1 || s.kind() == Action.RemoteFutexComplete), c.enabledSteps().toString());
        assertEquals(1, c.ws.get(0).count());
    }

    @Test
    void forwardedSharedWaitWithWritePinIsAnswered() {
        PageConfig cfg = new PageConfig(2, Vector.of(1), 2, 2, 8, 0, Set.of("FutexShared", "FutexFwd"));
        Cluster c = forwardedWait(remoteWrote(cfg));
        c = run(c, PageStep.of(Action.ClaimRemotePage, 1, 1), PageStep.of(Action.Deliver, 0, 1),
                PageStep.of(Action.ServeAtRemote, 1, 1), PageStep.of(Action.PostResponse, 1, 0, 1), PageStep.of(Action.Deliver, 1, 0),
                t(Action.MakePteValid, 1), t(Action.FutexPinned, 1), t(Action.FutexGetKey, 1), t(Action.GupFollowPage, 1),
                t(Action.FutexReadValue, 1), t(Action.PageServerPutUserpage, 1));
        assertEquals(Pte.RW, c.pte.get(0));   // claimed for write: the gup fast path succeeded under the pin
        assertEquals(Pc.FutexRet, c.pc.get(1));
        c = run(c, t(Action.ProcessRemoteFutexRequest, 1));
        assertTrue(c.chan(0, 1).head() instanceof RemoteFutexResponse r && r.remoteWs() == 0);
        assertTrue(PageInvariants.waitCountMatches(c));
        c = run(c, PageStep.of(Action.Deliver, 0, 1), t(Action.RemoteFutexComplete, 0));
        assertEquals(Pc.Idle, c.pc.get(0));
        assertEquals(Pc.Idle, c.pc.get(1));
        assertFalse(c.fh.get(0).hashed());
        Cluster end = c;
        assertTrue(PageInvariants.all().stream().allMatch(i -> i.holds().test(end)));
    }

    @Test
    void forwardedPrivateWakeTouchesNoMemoryAndSharedWakeIsAWriteFault() {
        PageConfig priv = new PageConfig(2, Vector.of(1), 2, 2, 8, 0, Set.of("FutexPrivate", "FutexFwd", "FutexWake"));
        Cluster c = run(remoteWrote(priv), PageStep.of(Action.ProcessServerDoFutexAtRemote, 0, 1), PageStep.of(Action.Deliver, 1, 0));
        assertEquals(Pc.RemoteWorkWake, c.pc.get(1));
        Cluster before = c;
        c = run(c, t(Action.FutexWakeStart, 1), t(Action.FutexGetKey, 1), t(Action.FutexWake, 1));
        assertEquals(before.pte, c.pte);
        assertEquals(before.fh, c.fh);
        assertEquals(Pc.FutexRet, c.pc.get(1));

        PageConfig shared = new PageConfig(2, Vector.of(1), 2, 2, 8, 0, Set.of("FP1", "FutexShared", "FutexFwd", "FutexWake"));
        c = run(remoteWrote(shared), PageStep.of(Action.ProcessServerDoFutexAtRemote, 0, 1), PageStep.of(Action.Deliver, 1, 0),
                t(Action.FutexWakeStart, 1), t(Action.FutexGetKey, 1));
        assertEquals(Pc.Access, c.pc.get(1));
        assertTrue(c.isWrite.get(1));
        c = run(c, t(Action.StartFaultHandling, 1));   // no pin: an ordinary leader of a write fault
        assertEquals(Pc.OLeader, c.pc.get(1));
        c = run(c, PageStep.of(Action.ClaimRemotePage, 1, 1), PageStep.of(Action.Deliver, 0, 1), PageStep.of(Action.ServeAtRemote, 1, 1),
                PageStep.of(Action.PostResponse, 1, 0, 1), PageStep.of(Action.Deliver, 1, 0), t(Action.MakePteValid, 1),
                t(Action.FinishFaultHandling, 1), t(Action.GupFollowPage, 1), t(Action.FutexWake, 1));
        assertEquals(Pte.RW, c.pte.get(0));   // the origin became the sole writer to compute a key
        assertEquals(Pte.INV, c.pte.get(1));
        assertEquals(Pc.FutexRet, c.pc.get(1));
    }

    /**
     * The fh_action rows (origin, non-remote fault: idx = fh flags * 4 + write * 2) that the futex
     * contexts' own handle lookups (the pin in page_server_get_userpage, their gup/get_user faults in
     * __start_fault_handling) reach in the whole state space of cfg, when a handle is hashed:
     * [home tasks' rows, wakers' rows].
     */
    static java.util.List<Set<Integer>> rowsReached(PageConfig cfg) {
        Set<Integer> home = new TreeSet<>(), wake = new TreeSet<>();
        Set<Cluster> seen = new HashSet<>();
        ArrayDeque<Cluster> todo = new ArrayDeque<>();
        seen.add(Cluster.init(cfg));
        todo.add(Cluster.init(cfg));
        while (!todo.isEmpty()) {
            Cluster c = todo.poll();
            PageServer.forEachSuccessor(c, (s, next) -> {
                int x = s.x();
                boolean lookup = s.kind() == Action.StartFaultHandling || s.kind() == Action.PageServerGetUserpage;
                if (lookup && c.cfg.homeOf(x) == 0 && c.fh.get(0).hashed()) {
                    FaultHandle h = c.fh.get(0);
                    int idx = FhAction.index(false, h.kind() == FaultHandle.Kind.R, h.inv(), h.write(), c.isWrite.get(x), false);
                    if (cfg.isHomeTask(x) && c.fpc.get(x) != Fpc.None) home.add(idx);
                    if (c.fpc.get(x) == Fpc.WakeKey) wake.add(idx);
                }
                if (seen.add(next)) todo.add(next);
            });
        }
        return java.util.List.of(home, wake);
    }

    @Test
    void fhActionRowsTheForwardedAndWakePathsReach() {
        // origin thread 0 and remote thread 1 (home task 3), two futex ops or accesses each
        var asBuilt = rowsReached(new PageConfig(2, Vector.of(0, 1), 2, 2, 8, 0, Set.of("FP1", "FutexShared", "FutexFwd", "FutexWake")));
        // home task (forwarded wait or wake): the read pin FOLLOWs 0 (L - R), 4 (L - W), 16 (R - R); its gup
        // write meets 2 (own or followed L - R: RETRY|WAIT, the self-wait), 6 (L - W: FOLLOW), 18 (R - R: RETRY|WAIT)
        assertEquals(Set.of(0, 2, 4, 6, 16, 18), asBuilt.get(0));
        // a waker holds no handle: 2 (behind a read pin or read fault), 6 (L - W: FOLLOW), 18/22 (a worker serving a remote read/write)
        assertEquals(Set.of(2, 6, 18, 22), asBuilt.get(1));
        var fixed = rowsReached(new PageConfig(2, Vector.of(0, 1), 2, 2, 8, 0, Set.of("FutexShared", "FutexFwd", "FutexWake")));
        // WritePin: the home task's write pin (or its wake's gup) waits at 2 (L - R) or FOLLOWs 6 (L - W)
        assertEquals(Set.of(2, 6), fixed.get(0));
        assertEquals(Set.of(2, 6, 22), fixed.get(1));
    }
}
