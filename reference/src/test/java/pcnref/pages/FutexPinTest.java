package pcnref.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pcnref.pages.PageStep.Action;

/** The futex pin at the origin (FP1, page-protocol.md S4.8), step by step; the kmeans-1 path of docs/kmeans-1.md. */
class FutexPinTest {

    static Cluster run(Cluster c, PageStep... steps) {
        for (PageStep s : steps) c = c.apply(s);
        return c;
    }

    static PageStep t(Action a, int t) {
        return PageStep.of(a, t);
    }

    static Cluster remoteReadServed(Cluster c) {
        return PageServerTest.remoteReadServed(c);
    }

    @Test
    void sharedFutexWaitAtTheOriginWaitsOnItsOwnPinAsBuiltAndCompletesWithWritePin() {
        // FP1 (kmeans-1): remote 1 has read the page (origin RO, distributed); thread 0 runs FUTEX_WAIT
        PageConfig asBuilt = new PageConfig(3, Vector.of(0, 1, 1, 2), 2, 2, 8, 1, Set.of("FP1", "FutexShared"));
        Cluster c = run(remoteReadServed(Cluster.init(asBuilt)), t(Action.FutexWaitStart, 0), t(Action.PageServerGetUserpage, 0));
        assertEquals(Fpc.Key, c.fpc.get(0)); // page mine: pinned at once, handle L - R kept
        assertEquals(1, c.fh.get(0).users());
        c = run(c, t(Action.FutexGetKey, 0), t(Action.StartFaultHandling, 0)); // gup write: idx 2 RETRY|WAIT
        assertEquals(Pc.WaitRetry, c.pc.get(0));
        assertFalse(PageInvariants.noSelfWait(c));
        assertTrue(c.enabledSteps().stream().noneMatch(s -> s.x() == 0 && s.kind() != Action.BeginAccess));

        PageConfig fixed = new PageConfig(3, Vector.of(0, 1, 1, 2), 2, 2, 8, 1, Set.of("FutexShared"));
        Cluster f = run(remoteReadServed(Cluster.init(fixed)), t(Action.FutexWaitStart, 0), t(Action.PageServerGetUserpage, 0),
                t(Action.ClaimLocalPage, 0)); // write pin: invalidate remote 1 first
        f = run(f, PageStep.of(Action.Deliver, 0, 1));
        Worker w = f.pool.get(1).head();
        f = run(f, PageStep.of(Action.InvalidateApply, 1, w.ws()), PageStep.of(Action.Deliver, 1, 0), t(Action.MakePteValid, 0),
                t(Action.FutexPinned, 0), t(Action.FutexGetKey, 0), t(Action.GupFollowPage, 0), t(Action.FutexReadValue, 0),
                t(Action.PageServerPutUserpage, 0));
        assertEquals(Fpc.None, f.fpc.get(0));
        assertEquals(Pc.Idle, f.pc.get(0));
        assertFalse(f.fh.get(0).hashed());
        assertEquals(Pte.RW, f.pte.get(0));
    }

    /** kmeans-1 (docs/kmeans-1.md section 2): thread 1 = 88 at node 1, thread 0 = main (83) at the origin. */
    @Test
    void kmeans1PathEndsWithMainWaitingOnItsOwnPinAndEveryRemoteWriteRefused() {
        PageConfig cfg = new PageConfig(2, Vector.of(0, 1), 2, 2, 8, 0, Set.of("FP1", "FutexShared"));
        // step 0/4: 88 writes P; the origin grants it and goes INVALID (owners {1})
        Cluster c = run(Cluster.init(cfg), PageStep.of(Action.BeginAccess, 1, 1), t(Action.StartFaultHandling, 1),
                t(Action.FetchPageFromOrigin, 1), PageStep.of(Action.Deliver, 1, 0), PageStep.of(Action.HandlePteFaultOrigin, 1, 1),
                PageStep.of(Action.ServeAtOriginStart, 1, 1), PageStep.of(Action.ServeAtOriginDecide, 1, 1),
                PageStep.of(Action.ServeAtOriginUpdate, 1, 1), PageStep.of(Action.PostResponse, 0, 1, 1), PageStep.of(Action.Deliver, 0, 1),
                t(Action.RemoteFaultComplete, 1), t(Action.FinishFaultHandling, 1), t(Action.UserWrite, 1));
        assertEquals(0b10, c.owners);
        assertEquals(Pte.INV, c.pte.get(0));
        // step 5: main's futex_wait pins: leader, not mine -> read claim from node 1 (fault_flags 0)
        c = run(c, t(Action.FutexWaitStart, 0), t(Action.PageServerGetUserpage, 0), PageStep.of(Action.ClaimRemotePage, 0, 1));
        assertEquals(1, c.chan(0, 1).size());
        // step 6: node 1 serves the read (RO there), the origin installs a read-only copy, keeps the handle
        c = run(c, PageStep.of(Action.Deliver, 0, 1), PageStep.of(Action.ServeAtRemote, 1, 0), PageStep.of(Action.PostResponse, 1, 0, 0),
                PageStep.of(Action.Deliver, 1, 0), t(Action.MakePteValid, 0), t(Action.FutexPinned, 0));
        assertEquals(Pte.RO, c.pte.get(0));
        assertEquals(Pte.RO, c.pte.get(1));
        assertEquals(1, c.fh.get(0).users());
        // steps 7-8: get_futex_key's write gup faults on main's own L - R handle: idx 2 RETRY|WAIT
        c = run(c, t(Action.FutexGetKey, 0), t(Action.StartFaultHandling, 0));
        assertEquals(Pc.WaitRetry, c.pc.get(0));
        assertFalse(PageInvariants.noSelfWait(c));
        // step 9: 88 upgrades for write; the origin worker hits idx 3 and answers RETRY (0x400), again and again
        for (int round = 0; round < 2; round++) {
            c = run(c, round == 0 ? PageStep.of(Action.BeginAccess, 1, 1) : t(Action.BackoffRetry, 1), t(Action.StartFaultHandling, 1),
                    t(Action.FetchPageFromOrigin, 1), PageStep.of(Action.Deliver, 1, 0), PageStep.of(Action.ServeAtOriginStart, 1, 1));
            assertEquals(Result.RETRY, c.pool.get(0).head().result());
            c = run(c, PageStep.of(Action.PostResponse, 0, 1, 1), PageStep.of(Action.Deliver, 0, 1), t(Action.RemoteFaultComplete, 1),
                    t(Action.FinishFaultHandling, 1));
            assertEquals(Pc.Backoff, c.pc.get(1));
            assertEquals(Pc.WaitRetry, c.pc.get(0));
        }
    }
}
