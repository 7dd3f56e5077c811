package pcnref.pages;

import io.vavr.collection.SortedSet;
import io.vavr.collection.TreeSet;
import pcnref.canon.CValue;
import pcnref.explore.Fp;

/**
 * struct fault_handle (page_server.c, page-protocol.md §5.1) of the model's one page at one node: the
 * spec's FhRec. {@link #NONE} (kind "NONE") means no handle is hashed.
 *
 * @param kind       "L" local fault, "R" serving a remote's request (FAULT_HANDLE_REMOTE), "NONE"
 * @param write      FAULT_HANDLE_WRITE
 * @param inv        FAULT_HANDLE_INVALIDATE: an invalidation waits for the last user
 * @param users      pendings: leader + followers still using the handle
 * @param limit      followers admitted so far (capped at MaxFollowers + 2 to stay finite)
 * @param retry      fh->ret is VM_FAULT_RETRY (spec ret "RETRY"), else "OK"
 * @param holders    contexts counted in pendings: leader, admitted followers, the futex pin
 * @param waits      followers asleep on fh->waits (woken when a holder leaves)
 * @param waitsRetry contexts asleep on fh->waits_retry (woken when the handle is unhashed)
 */
public record FaultHandle(Kind kind, boolean write, boolean inv, int users, int limit, boolean retry,
        SortedSet<Context> holders, SortedSet<Context> waits, SortedSet<Context> waitsRetry) {

    public enum Kind { NONE, L, R }

    private static final SortedSet<Context> NOBODY = TreeSet.empty();

    /** The spec's NoFh. */
    public static final FaultHandle NONE = new FaultHandle(Kind.NONE, false, false, 0, 0, false, NOBODY, NOBODY, NOBODY);

    /** NewFh(w, r, c): allocated by leader c in __start_fault_handling, its only holder. */
    public static FaultHandle newFh(boolean write, boolean remote, Context c) {
        return new FaultHandle(remote ? Kind.R : Kind.L, write, false, 1, 0, false, TreeSet.of(c), NOBODY, NOBODY);
    }

    public boolean hashed() {
        return kind != Kind.NONE;
    }

    public FaultHandle withUsers(int u) {
        return new FaultHandle(kind, write, inv, u, limit, retry, holders, waits, waitsRetry);
    }

    public FaultHandle withLimit(int l) {
        return new FaultHandle(kind, write, inv, users, l, retry, holders, waits, waitsRetry);
    }

    public FaultHandle withInv(boolean i) {
        return new FaultHandle(kind, write, i, users, limit, retry, holders, waits, waitsRetry);
    }

    public FaultHandle withRetry(boolean r) {
        return new FaultHandle(kind, write, inv, users, limit, r, holders, waits, waitsRetry);
    }

    public FaultHandle withHolders(SortedSet<Context> h) {
        return new FaultHandle(kind, write, inv, users, limit, retry, h, waits, waitsRetry);
    }

    /** JoinFh's set part: c holds the handle and sleeps on fh->waits. */
    public FaultHandle joined(Context c) {
        return new FaultHandle(kind, write, inv, users + 1, limit, retry, holders.add(c), waits.add(c), waitsRetry);
    }

    /** SleepRetryFh's set part: c sleeps on fh->waits_retry (not a holder). */
    public FaultHandle sleepingRetry(Context c) {
        return new FaultHandle(kind, write, inv, users, limit, retry, holders, waits, waitsRetry.add(c));
    }

    /** FhAfterLeave when the handle stays hashed: c leaves, pendings-1, fh->waits woken. */
    public FaultHandle left(Context c) {
        return new FaultHandle(kind, write, inv, users - 1, limit, retry, holders.remove(c), NOBODY, waitsRetry);
    }

    long fp() {
        long h = kind.ordinal() | (write ? 4L : 0) | (inv ? 8L : 0) | (retry ? 16L : 0)
                | ((long) (users & 0xffff) << 8) | ((long) (limit & 0xffff) << 24);
        h = set(set(set(Fp.mix(Fp.SEED, h), holders), waits), waitsRetry);
        return h;
    }

    private static long set(long h, SortedSet<Context> s) {
        h = Fp.mix(h, s.size());
        for (Context c : s) h = Fp.mix(h, c.code());
        return h;
    }

    public CValue toCanonical() {
        return CValue.rec("kind", CValue.str(kind.name()), "write", CValue.bool(write), "inv", CValue.bool(inv),
                "users", CValue.num(users), "limit", CValue.num(limit), "ret", CValue.str(retry ? "RETRY" : "OK"),
                "holders", canon(holders), "waits", canon(waits), "waitsRetry", canon(waitsRetry));
    }

    private static CValue canon(SortedSet<Context> s) {
        return CValue.set(s.toJavaStream().map(Context::toCanonical).toList());
    }
}
