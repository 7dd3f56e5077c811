package pcnref.pages;

import java.util.List;
import pcnref.canon.CValue;
import pcnref.cluster.Step;

/**
 * A step of the page model: one action of PageProtocol.tla with its parameters, exactly as Next
 * quantifies them. Threads, nodes and stations are numbers; a work item is named by its node, its
 * sender f and its station i (unique in a pool), as in the spec's WorkerAt(n, type, f, i).
 *
 * @param kind the spec action
 * @param x    first parameter (thread t, node n or a, sender f of an origin work item)
 * @param y    second parameter (BeginAccess write flag 0/1, src, b, station i, sender f of PostResponse)
 * @param z    third parameter (src of ServeAtOriginClaimRemote, station i of PostResponse)
 */
public record PageStep(Action kind, int x, int y, int z) implements Step {

    /** The spec's actions, in Next's order, with their parameter shapes. */
    public enum Action {
        BeginAccess(Sig.T_BOOL), UserRead(Sig.ONE), UserWrite(Sig.ONE), HandlePteFault(Sig.ONE),
        StartFaultHandling(Sig.ONE), BackoffRetry(Sig.ONE), RacyExitAtOrigin(Sig.ONE), ClaimLocalPage(Sig.ONE),
        ClaimRemotePage(Sig.TWO), MakePteValid(Sig.ONE), FetchPageFromOrigin(Sig.ONE), RemoteFaultComplete(Sig.ONE),
        FinishFaultHandling(Sig.ONE), Deliver(Sig.TWO),
        /** (f, i): the origin work item of remote f's request with station i. */
        HandlePteFaultOrigin(Sig.TWO), ServeAtOriginStart(Sig.TWO), ServeAtOriginDecide(Sig.TWO),
        /** (f, i, src). */
        ServeAtOriginClaimRemote(Sig.THREE), ServeAtOriginUpdate(Sig.TWO),
        /** (n, f, i). */
        PostResponse(Sig.THREE),
        /** (n, i): the work item at remote n of the origin's message with station i. */
        ServeAtRemote(Sig.TWO), InvalidateStart(Sig.TWO), InvalidateApply(Sig.TWO),
        ZapOrigin(Sig.NONE), ZapRemote(Sig.ONE), ForwardMadviseDontneed(Sig.ONE), MadviseReleaseOrigin(Sig.NONE),
        MadviseReleaseRemote(Sig.ONE), ReleaseFromRemote(Sig.ONE),
        /** futex_wait at the origin (t). */
        FutexWaitStart(Sig.ONE), PageServerGetUserpage(Sig.ONE), FutexPinned(Sig.ONE), FutexGetKey(Sig.ONE),
        GupFollowPage(Sig.ONE), FutexReadValue(Sig.ONE), PageServerPutUserpage(Sig.ONE),
        /** futex_wake (t). */
        FutexWakeStart(Sig.ONE), FutexWake(Sig.ONE),
        /** forwarded futex ops: (t, op) with op 0 = "WAIT", 1 = "WAKE"; (h) home task; (t). */
        ProcessServerDoFutexAtRemote(Sig.T_OP), ProcessRemoteFutexRequest(Sig.ONE), RemoteFutexComplete(Sig.ONE);

        final Sig sig;

        Action(Sig sig) {
            this.sig = sig;
        }
    }

    enum Sig { NONE, ONE, T_BOOL, T_OP, TWO, THREE }

    public static PageStep of(Action a) {
        return new PageStep(a, 0, 0, 0);
    }

    public static PageStep of(Action a, int x) {
        return new PageStep(a, x, 0, 0);
    }

    public static PageStep of(Action a, int x, int y) {
        return new PageStep(a, x, y, 0);
    }

    public static PageStep of(Action a, int x, int y, int z) {
        return new PageStep(a, x, y, z);
    }

    @Override
    public String action() {
        return kind.name();
    }

    @Override
    public List<CValue> params() {
        return switch (kind.sig) {
            case NONE -> List.of();
            case ONE -> List.of(CValue.num(x));
            case T_BOOL -> List.of(CValue.num(x), CValue.bool(y != 0));
            case T_OP -> List.of(CValue.num(x), CValue.str(y == 0 ? "WAIT" : "WAKE"));
            case TWO -> List.of(CValue.num(x), CValue.num(y));
            case THREE -> List.of(CValue.num(x), CValue.num(y), CValue.num(z));
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
