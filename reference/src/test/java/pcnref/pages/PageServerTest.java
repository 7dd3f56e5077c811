package pcnref.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pcnref.canon.CValue;
import pcnref.kmsg.PageContents;
import pcnref.kmsg.PageInvalidateRequest;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.RemotePageResponse;
import pcnref.kmsg.VmFault;
import pcnref.pages.PageStep.Action;

/** The handlers one step at a time, on a cluster of origin 0 and remotes 1, 2; threads 0@0, 1@1, 2@1, 3@2. */
class PageServerTest {
    static final PageConfig CFG = new PageConfig(3, Vector.of(0, 1, 1, 2), 2, 2, 8, 1, Set.of());

    static Cluster run(Cluster c, PageStep... steps) {
        for (PageStep s : steps) c = c.apply(s);
        return c;
    }

    static PageStep t(Action a, int t) {
        return PageStep.of(a, t);
    }

    @Test
    void initialStateIsTheSpecsInit() {
        Cluster c = Cluster.init(CFG);
        CValue v = c.toCanonical();
        String s = v.toString();
        assertTrue(s.contains("pte |-> (0 :> \"NONE\" @@ 1 :> \"NONE\" @@ 2 :> \"NONE\")"), s);
        assertTrue(s.contains("owners |-> {}"), s);
        assertTrue(s.contains("fh |-> (0 :> [holders |-> {}, inv |-> FALSE, kind |-> \"NONE\", limit |-> 0, ret |-> \"OK\", users |-> 0, "
                + "waits |-> {}, waitsRetry |-> {}, write |-> FALSE]"), s);
        assertTrue(s.contains("chan |-> (0 :> (0 :> <<>> @@ 1 :> <<>> @@ 2 :> <<>>)"), s);
        assertEquals(20, c.variables().size()); // the spec's 20 VARIABLES (fpc: the futex pin)
        // 4 threads x {read, write} may begin an access, nothing else is enabled
        assertEquals(8, c.enabledSteps().size());
    }

    @Test
    void remoteFirstTouchFetchesFromOriginWithARealKmsg() {
        Cluster c = run(Cluster.init(CFG), PageStep.of(Action.BeginAccess, 1, 0), t(Action.StartFaultHandling, 1));
        assertEquals(Pc.RLeader, c.pc.get(1));
        assertEquals(FaultHandle.Kind.L, c.fh.get(1).kind());
        c = c.apply(t(Action.FetchPageFromOrigin, 1));
        assertTrue(c.populated.get(1));
        RemotePageRequest req = assertInstanceOf(RemotePageRequest.class, c.chan(1, 0).head());
        assertEquals(1, req.originWs());
        assertFalse(req.isWrite());
        assertEquals(1, c.ws.get(1).count());
        // the origin's receive thread queues a pcn_wq item
        c = c.apply(PageStep.of(Action.Deliver, 1, 0));
        Worker w = c.pool.get(0).head();
        assertEquals(Worker.received(false, 1, 1, false), w);
        // origin PTE NONE: handle_pte_fault_origin populates a zero page first
        assertNull(PageServer.serveAtOriginStart(c, w));
        c = c.apply(PageStep.of(Action.HandlePteFaultOrigin, w.from(), w.ws()));
        assertEquals(Pte.RW, c.pte.get(0));
        c = c.apply(PageStep.of(Action.ServeAtOriginStart, w.from(), w.ws()));
        Worker decide = c.pool.get(0).head();
        assertEquals(Worker.Stage.Decide, decide.stage());
        assertEquals(FaultHandle.Kind.R, c.fh.get(0).kind());
        // not distributed = mine: read -> nothing to claim
        c = c.apply(PageStep.of(Action.ServeAtOriginDecide, decide.from(), decide.ws()));
        Worker wait = c.pool.get(0).head();
        c = c.apply(PageStep.of(Action.ServeAtOriginUpdate, wait.from(), wait.ws()));
        assertEquals(Pte.RO, c.pte.get(0));
        assertTrue(c.distributed);
        assertEquals(0b011, c.owners); // requester and origin
        assertEquals(FaultHandle.NONE, c.fh.get(0)); // finished before the response is posted (B12 gap)
        Worker respond = c.pool.get(0).head();
        c = c.apply(PageStep.of(Action.PostResponse, 0, respond.from(), respond.ws()));
        RemotePageResponse resp = assertInstanceOf(RemotePageResponse.class, c.chan(0, 1).head());
        assertEquals(VmFault.OK, resp.result());
        assertEquals(PageContents.Value.of(0), resp.page());
        c = run(c, PageStep.of(Action.Deliver, 0, 1), t(Action.RemoteFaultComplete, 1), t(Action.FinishFaultHandling, 1),
                t(Action.UserRead, 1));
        assertEquals(Pte.RO, c.pte.get(1));
        assertEquals(Pc.Idle, c.pc.get(1));
        Cluster done = c;
        assertTrue(PageInvariants.all().stream().allMatch(i -> i.holds().test(done)));
    }

    @Test
    void secondLocalReadAtARemoteFollowsTheLeader() {
        Cluster c = run(Cluster.init(CFG), PageStep.of(Action.BeginAccess, 1, 0), t(Action.StartFaultHandling, 1),
                PageStep.of(Action.BeginAccess, 2, 0), t(Action.StartFaultHandling, 2));
        // idx 32 (remote, L - R handle, local read) = FOLLOW
        assertEquals(Pc.FollowWait, c.pc.get(2));
        assertEquals(2, c.fh.get(1).users());
        assertEquals(1, c.fh.get(1).limit());
        // issue 8: both hold the handle, the follower sleeps on fh->waits; the leader can wake it
        assertEquals(io.vavr.collection.TreeSet.of(Context.thread(1), Context.thread(2)), c.fh.get(1).holders());
        assertEquals(io.vavr.collection.TreeSet.of(Context.thread(2)), c.fh.get(1).waits());
        assertEquals("{<<\"thread\", 1>>, <<\"thread\", 2>>}", c.fh.get(1).toCanonical().toString()
                .replaceAll(".*holders \\|-> (\\{[^}]*\\}).*", "$1"));
        assertTrue(PageInvariants.holdersMatchPendings(c) && PageInvariants.waitsWakeable(c));
        // the leader waits for the origin's reply (a message), then leaves: the follower is woken, still a holder
        c = run(c, t(Action.FetchPageFromOrigin, 1));
        assertTrue(PageInvariants.waitsWakeable(c));
        Cluster stopped = new Cluster.Builder(c).pc(1, Pc.Oops).build();
        assertFalse(PageInvariants.waitsWakeable(stopped), "a follower behind a stopped leader cannot be woken");
    }

    @Test
    void leaderLeavingWakesTheFollowerWhichStaysAHolderUntilItLeaves() {
        Cluster c = run(Cluster.init(CFG), PageStep.of(Action.BeginAccess, 1, 0), t(Action.StartFaultHandling, 1),
                PageStep.of(Action.BeginAccess, 2, 0), t(Action.StartFaultHandling, 2), t(Action.FetchPageFromOrigin, 1),
                PageStep.of(Action.Deliver, 1, 0));
        Worker w = c.pool.get(0).head();
        c = run(c, PageStep.of(Action.HandlePteFaultOrigin, w.from(), w.ws()), PageStep.of(Action.ServeAtOriginStart, w.from(), w.ws()));
        // the origin's work item leads fh[0]: a WorkCtx holder
        assertEquals(io.vavr.collection.TreeSet.of(Context.work(0, w)), c.fh.get(0).holders());
        assertEquals("<<\"work\", 0, \"REQ\", 1, 1>>", Context.work(0, w).toCanonical().toString());
        w = c.pool.get(0).head();
        c = c.apply(PageStep.of(Action.ServeAtOriginDecide, w.from(), w.ws()));
        w = c.pool.get(0).head();
        c = c.apply(PageStep.of(Action.ServeAtOriginUpdate, w.from(), w.ws()));
        assertFalse(c.fh.get(0).hashed());
        w = c.pool.get(0).head();
        c = run(c, PageStep.of(Action.PostResponse, 0, w.from(), w.ws()), PageStep.of(Action.Deliver, 0, 1),
                t(Action.RemoteFaultComplete, 1), t(Action.FinishFaultHandling, 1));
        assertEquals(Pc.Finish, c.pc.get(2));
        assertEquals(io.vavr.collection.TreeSet.of(Context.thread(2)), c.fh.get(1).holders());
        assertTrue(c.fh.get(1).waits().isEmpty());
        Cluster done = c.apply(t(Action.FinishFaultHandling, 2));
        assertEquals(FaultHandle.NONE, done.fh.get(1));
        for (Cluster x : new Cluster[] {c, done}) assertTrue(PageInvariants.all().stream().allMatch(i -> i.holds().test(x)));
    }

    @Test
    void localWriteAtARemoteWaitsBehindAReadLeaderThenRetries() {
        Cluster c = run(Cluster.init(CFG), PageStep.of(Action.BeginAccess, 1, 0), t(Action.StartFaultHandling, 1),
                PageStep.of(Action.BeginAccess, 2, 1), t(Action.StartFaultHandling, 2));
        // idx 34 (remote, L - R handle, local write) = RETRY | WAIT
        assertEquals(Pc.WaitRetry, c.pc.get(2));
        assertEquals(1, c.fh.get(1).users());
        assertTrue(PageInvariants.followersReleased(c));
        assertEquals(io.vavr.collection.TreeSet.of(Context.thread(2)), c.fh.get(1).waitsRetry());
        assertTrue(PageInvariants.noSelfWait(c) && PageInvariants.waitsWakeable(c));
    }

    @Test
    void originWriteAfterSharingInvalidatesEveryRemoteOwner() {
        Cluster c = Cluster.init(CFG);
        // build: origin RO owner, remote 1 RO owner (a remote read served)
        Cluster shared = remoteReadServed(c);
        Cluster s = run(shared, PageStep.of(Action.BeginAccess, 0, 1), t(Action.StartFaultHandling, 0));
        assertEquals(Pc.OLeader, s.pc.get(0));
        s = s.apply(t(Action.ClaimLocalPage, 0));
        assertInstanceOf(PageInvalidateRequest.class, s.chan(0, 1).head());
        assertEquals(0b001, s.owners); // bit cleared at send time
        assertEquals(1, s.ws.get(0).count());
        assertTrue(PageInvariants.directorySound(s)); // invalidation pending for 1
        assertTrue(PageInvariants.waitCountMatches(s));
    }

    static Cluster remoteReadServed(Cluster c) {
        c = run(c, PageStep.of(Action.BeginAccess, 1, 0), t(Action.StartFaultHandling, 1), t(Action.FetchPageFromOrigin, 1),
                PageStep.of(Action.Deliver, 1, 0));
        Worker w = c.pool.get(0).head();
        c = c.apply(PageStep.of(Action.HandlePteFaultOrigin, w.from(), w.ws())).apply(PageStep.of(Action.ServeAtOriginStart, w.from(), w.ws()));
        w = c.pool.get(0).head();
        c = c.apply(PageStep.of(Action.ServeAtOriginDecide, w.from(), w.ws()));
        w = c.pool.get(0).head();
        c = c.apply(PageStep.of(Action.ServeAtOriginUpdate, w.from(), w.ws()));
        w = c.pool.get(0).head();
        return run(c, PageStep.of(Action.PostResponse, 0, w.from(), w.ws()), PageStep.of(Action.Deliver, 0, 1),
                t(Action.RemoteFaultComplete, 1), t(Action.FinishFaultHandling, 1), t(Action.UserRead, 1));
    }

    @Test
    void b1LeaksTheHandleWhenServingANonePte() {
        PageConfig fixed = new PageConfig(3, Vector.of(0, 1, 1, 2), 2, 2, 8, 1, Set.of("B2r"));
        PageConfig b1 = new PageConfig(3, Vector.of(0, 1, 1, 2), 2, 2, 8, 1, Set.of("B1", "B2r"));
        for (PageConfig cfg : new PageConfig[] {fixed, b1}) {
            Cluster c = remoteReadServed(Cluster.init(cfg));
            // remote 1 zaps (MADV_DONTNEED), origin still lists it; a request for the page reaches 1
            c = c.apply(PageStep.of(Action.ZapRemote, 1));
            assertEquals(Pte.NONE, c.pte.get(1));
            Cluster withReq = new Cluster.Builder(c).send(0, 1, pcnref.pages.ModelKmsg.req(4, false)).build();
            withReq = withReq.apply(PageStep.of(Action.Deliver, 0, 1));
            Worker w = withReq.pool.get(1).head();
            Cluster served = withReq.apply(PageStep.of(Action.ServeAtRemote, 1, w.ws()));
            Worker resp = served.pool.get(1).head();
            assertEquals(Result.SIGSEGV, resp.result());
            assertEquals(cfg.bug("B1"), served.fh.get(1).hashed(), "handle leaked iff B1");
            // the leak: pendings 1 that no context holds (HoldersMatchPendingsInv fails iff B1)
            assertEquals(!cfg.bug("B1"), PageInvariants.holdersMatchPendings(served));
        }
    }

    @Test
    void disabledStepsAreRefused() {
        Cluster c = Cluster.init(CFG);
        assertThrows(IllegalArgumentException.class, () -> c.apply(t(Action.UserRead, 0)));
        assertThrows(IllegalArgumentException.class, () -> c.apply(PageStep.of(Action.Deliver, 0, 1)));
    }

    @Test
    void labelsAreTheSpecsActionsWithParameters() {
        assertEquals("BeginAccess(1, TRUE)", PageStep.of(Action.BeginAccess, 1, 1).label());
        assertEquals("StartFaultHandling(1)", t(Action.StartFaultHandling, 1).label());
        assertEquals("ZapOrigin", PageStep.of(Action.ZapOrigin).label());
        assertEquals("InvalidateStart(2, 3)", PageStep.of(Action.InvalidateStart, 2, 3).label());
        assertEquals("ServeAtOriginClaimRemote(1, 2, -1)", PageStep.of(Action.ServeAtOriginClaimRemote, 1, 2, -1).label());
    }

    @Test
    void equalCanonicalStatesAreEqualJavaStates() {
        // two interleavings reaching the same state
        Cluster a = run(Cluster.init(CFG), PageStep.of(Action.BeginAccess, 1, 0), PageStep.of(Action.BeginAccess, 3, 1));
        Cluster b = run(Cluster.init(CFG), PageStep.of(Action.BeginAccess, 3, 1), PageStep.of(Action.BeginAccess, 1, 0));
        assertEquals(a, b);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a.toCanonical(), b.toCanonical());
    }
}
