package pcnref.pages;

import pcnref.canon.CValue;

/**
 * struct fault_handle (page_server.c, page-protocol.md §5.1) of the model's one page at one node: the
 * spec's FhRec. {@link #NONE} (kind "NONE") means no handle is hashed.
 *
 * @param kind  "L" local fault, "R" serving a remote's request (FAULT_HANDLE_REMOTE), "NONE"
 * @param write FAULT_HANDLE_WRITE
 * @param inv   FAULT_HANDLE_INVALIDATE: an invalidation waits for the last user
 * @param users pendings: leader + followers still using the handle
 * @param limit followers admitted so far (capped at MaxFollowers + 2 to stay finite)
 * @param retry fh->ret is VM_FAULT_RETRY (spec ret "RETRY"), else "OK"
 */
public record FaultHandle(Kind kind, boolean write, boolean inv, int users, int limit, boolean retry) {

    public enum Kind { NONE, L, R }

    /** The spec's NoFh. */
    public static final FaultHandle NONE = new FaultHandle(Kind.NONE, false, false, 0, 0, false);

    /** NewFh(w, r): allocated by a leader in __start_fault_handling. */
    public static FaultHandle newFh(boolean write, boolean remote) {
        return new FaultHandle(remote ? Kind.R : Kind.L, write, false, 1, 0, false);
    }

    public boolean hashed() {
        return kind != Kind.NONE;
    }

    public FaultHandle withUsers(int u) {
        return new FaultHandle(kind, write, inv, u, limit, retry);
    }

    public FaultHandle withLimit(int l) {
        return new FaultHandle(kind, write, inv, users, l, retry);
    }

    public FaultHandle withInv(boolean i) {
        return new FaultHandle(kind, write, i, users, limit, retry);
    }

    public FaultHandle withRetry(boolean r) {
        return new FaultHandle(kind, write, inv, users, limit, r);
    }

    long fp() {
        return kind.ordinal() | (write ? 4L : 0) | (inv ? 8L : 0) | (retry ? 16L : 0)
                | ((long) (users & 0xffff) << 8) | ((long) (limit & 0xffff) << 24);
    }

    public CValue toCanonical() {
        return CValue.rec("kind", CValue.str(kind.name()), "write", CValue.bool(write), "inv", CValue.bool(inv),
                "users", CValue.num(users), "limit", CValue.num(limit), "ret", CValue.str(retry ? "RETRY" : "OK"));
    }
}
