package pcnref.pages;

import java.util.List;
import pcnref.canon.CValue;

/**
 * A kernel context that can hold or sleep on a fault handle (the spec's ThreadCtx / WorkCtx): a
 * tuple whose first element names the kind, so that more kinds can be added (e.g. the home task of
 * a remote thread, {@code <<"home", t>>}). Ordered by {@link #code()}, which also fingerprints it.
 */
public sealed interface Context extends Comparable<Context> {

    /** A user thread t: {@code <<"thread", t>>} (also while it holds the futex pin). */
    record ThreadCtx(int t) implements Context {
        @Override
        public long code() {
            return t;
        }

        @Override
        public CValue toCanonical() {
            return CValue.seq(List.of(CValue.str("thread"), CValue.num(t)));
        }
    }

    /** The home task of thread t (FutexFwd; task NT + t), also as the pin: {@code <<"home", t>>}. */
    record HomeCtx(int t) implements Context {
        @Override
        public long code() {
            return (2L << 40) | t;
        }

        @Override
        public CValue toCanonical() {
            return CValue.seq(List.of(CValue.str("home"), CValue.num(t)));
        }
    }

    /** The pcn_wq work item of node n serving (type, from, ws): {@code <<"work", n, type, from, ws>>}. */
    record WorkCtx(int node, boolean inv, int from, int ws) implements Context {
        @Override
        public long code() {
            return (1L << 40) | ((long) node << 24) | (inv ? 1L << 20 : 0) | ((long) from << 12) | ws;
        }

        @Override
        public CValue toCanonical() {
            return CValue.seq(List.of(CValue.str("work"), CValue.num(node), CValue.str(inv ? "INV" : "REQ"),
                    CValue.num(from), CValue.num(ws)));
        }
    }

    static Context thread(int t) {
        return new ThreadCtx(t);
    }

    /** TaskCtx(t): the context of task t (a thread, or the home task NT + r of thread r). */
    static Context task(PageConfig cfg, int t) {
        return cfg.isHomeTask(t) ? new HomeCtx(t - cfg.threads()) : new ThreadCtx(t);
    }

    /** WorkCtx(n, w): the work item w of node n. */
    static Context work(int n, Worker w) {
        return new WorkCtx(n, w.inv(), w.from(), w.ws());
    }

    /** Distinct for distinct contexts; kinds in separate ranges. */
    long code();

    CValue toCanonical();

    @Override
    default int compareTo(Context o) {
        return Long.compare(code(), o.code());
    }
}
