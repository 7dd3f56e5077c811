package pcnref.pages;

import java.util.List;
import pcnref.canon.CValue;
import pcnref.cluster.Step;

/**
 * A step of the page model: one action of PageProtocol.tla with its parameters. The parameter
 * signature of each action is the spec's: threads and nodes are numbers, a work item is the
 * spec's Worker record, a claim source is a node (or -1 when there are no peers).
 *
 * @param kind   the spec action
 * @param x      first int parameter (thread t, node n or a), unused otherwise
 * @param y      second int parameter (write flag 0/1 of BeginAccess, src, b), unused otherwise
 * @param worker the work item of worker actions, else null
 */
public record PageStep(Action kind, int x, int y, Worker worker) implements Step {

    /** The spec's actions, in Next's order, with their parameter shapes. */
    public enum Action {
        BeginAccess(Sig.T_BOOL), UserRead(Sig.T), UserWrite(Sig.T), HandlePteFault(Sig.T), StartFaultHandling(Sig.T),
        BackoffRetry(Sig.T), RacyExitAtOrigin(Sig.T), ClaimLocalPage(Sig.T), ClaimRemotePage(Sig.T_SRC),
        MakePteValid(Sig.T), FetchPageFromOrigin(Sig.T), RemoteFaultComplete(Sig.T), FinishFaultHandling(Sig.T),
        Deliver(Sig.A_B), HandlePteFaultOrigin(Sig.W), ServeAtOriginStart(Sig.W), ServeAtOriginDecide(Sig.W),
        ServeAtOriginClaimRemote(Sig.W_SRC), ServeAtOriginUpdate(Sig.W), PostResponse(Sig.N_W), ServeAtRemote(Sig.N_W),
        InvalidateStart(Sig.N_W), InvalidateApply(Sig.N_W), ZapOrigin(Sig.NONE), ZapRemote(Sig.N),
        ForwardMadviseDontneed(Sig.N), MadviseReleaseOrigin(Sig.NONE), MadviseReleaseRemote(Sig.N),
        ReleaseFromRemote(Sig.N);

        final Sig sig;

        Action(Sig sig) {
            this.sig = sig;
        }
    }

    enum Sig { NONE, T, T_BOOL, T_SRC, A_B, W, W_SRC, N_W, N }

    public static PageStep of(Action a) {
        return new PageStep(a, 0, 0, null);
    }

    public static PageStep of(Action a, int x) {
        return new PageStep(a, x, 0, null);
    }

    public static PageStep of(Action a, int x, int y) {
        return new PageStep(a, x, y, null);
    }

    public static PageStep worker(Action a, int n, Worker w, int src) {
        return new PageStep(a, n, src, w);
    }

    @Override
    public String action() {
        return kind.name();
    }

    @Override
    public List<CValue> params() {
        return switch (kind.sig) {
            case NONE -> List.of();
            case T, N -> List.of(CValue.num(x));
            case T_BOOL -> List.of(CValue.num(x), CValue.bool(y != 0));
            case T_SRC, A_B -> List.of(CValue.num(x), CValue.num(y));
            case W -> List.of(worker.toCanonical());
            case W_SRC -> List.of(worker.toCanonical(), CValue.num(y));
            case N_W -> List.of(CValue.num(x), worker.toCanonical());
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
