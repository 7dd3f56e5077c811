package pcnref.pages;

import pcnref.canon.CValue;

/**
 * A pcn_wq work item of the page server (__handle_popcorn_work): one logical worker per received
 * REMOTE_PAGE_REQUEST or PAGE_INVALIDATE_REQUEST, with its locals.
 *
 * @param inv   PAGE_INVALIDATE_REQUEST ("INV") rather than REMOTE_PAGE_REQUEST ("REQ")
 * @param from  the sender (requester) node
 * @param ws    the sender's wait-station id (echoed in the reply)
 * @param write the request is a write fault
 * @param stage where the worker is
 * @param result result decided so far
 * @param data  page value to send (-1: none)
 * @param grant origin decided a grant without data (branch G)
 */
public record Worker(boolean inv, int from, int ws, boolean write, Stage stage, Result result, int data, boolean grant)
        implements Comparable<Worker> {

    public enum Stage { Start, WaitRetry, Decide, ClaimWait, Respond, InvWait, Oops }

    /** NewWorker(type, a, m) of Deliver. */
    public static Worker received(boolean inv, int from, int ws, boolean write) {
        return new Worker(inv, from, ws, write, Stage.Start, Result.NONE, -1, false);
    }

    public Worker withStage(Stage s) {
        return new Worker(inv, from, ws, write, s, result, data, grant);
    }

    public Worker respond(Result r, int d) {
        return new Worker(inv, from, ws, write, Stage.Respond, r, d, grant);
    }

    public Worker withGrant(boolean g) {
        return new Worker(inv, from, ws, write, stage, result, data, g);
    }

    long fp() {
        return (inv ? 1L : 0) | (write ? 2L : 0) | (grant ? 4L : 0) | ((long) stage.ordinal() << 3)
                | ((long) result.ordinal() << 6) | ((long) (data + 1) << 9) | ((long) from << 20) | ((long) ws << 32);
    }

    @Override
    public int compareTo(Worker o) {
        return Long.compare(fp(), o.fp());
    }

    public CValue toCanonical() {
        return CValue.rec("type", CValue.str(inv ? "INV" : "REQ"), "from", CValue.num(from), "ws", CValue.num(ws),
                "write", CValue.bool(write), "stage", CValue.str(stage.name()), "result", CValue.str(result.name()),
                "data", CValue.num(data), "grant", CValue.bool(grant));
    }
}
