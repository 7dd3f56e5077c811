package pcnref.pages;

import io.vavr.collection.Vector;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec's CONSTANTS (PageProtocol.tla): N nodes (0 = origin), Home[t+1] = node of thread t,
 * NumValues, MaxAccesses, MaxFollowers, MaxEnvOps and the bug switches, with the spec's names
 * ("B1", "B2o", "B2r", "B3", "B5", "B6").
 */
public record PageConfig(int n, Vector<Integer> home, int numValues, int maxAccesses, int maxFollowers,
                         int maxEnvOps, Set<String> bugs) {

    public static final Set<String> KNOWN_BUGS = Set.of("B1", "B2o", "B2r", "B3", "B5", "B6", "FP1", "FutexShared",
            "FutexPrivate", "FutexFwd", "FutexWake");

    public PageConfig {
        bugs = Set.copyOf(new TreeSet<>(bugs));
        for (String b : bugs) {
            if (!KNOWN_BUGS.contains(b)) throw new IllegalArgumentException("unknown bug switch " + b);
        }
        if (bugs.contains("FutexShared") && bugs.contains("FutexPrivate"))
            throw new IllegalArgumentException("FutexShared and FutexPrivate exclude each other (one key kind per model)");
        if ((bugs.contains("FutexFwd") || bugs.contains("FutexWake")) && !bugs.contains("FutexShared") && !bugs.contains("FutexPrivate"))
            throw new IllegalArgumentException("FutexFwd and FutexWake need a key kind: FutexShared or FutexPrivate");
        if (n < 2 || n > 31) throw new IllegalArgumentException("N must be in 2..31, not " + n);
        for (int h : home) if (h < 0 || h >= n) throw new IllegalArgumentException("Home " + home + " names a node outside 0.." + (n - 1));
    }

    public int threads() {
        return home.size();
    }

    /** Tasks: the threads and, with FutexFwd, one home task per thread (task NT + t). */
    public int tasks() {
        return (futexFwd() ? 2 : 1) * threads();
    }

    /** HomeOf: a thread's node; a home task runs at the origin. */
    public int homeOf(int t) {
        return t < threads() ? home.get(t) : 0;
    }

    /** t \in HomeTasks. */
    public boolean isHomeTask(int t) {
        return t >= threads();
    }

    /** FutexFwdOn: remote threads' futex calls are forwarded to their home tasks (process-vma S6). */
    public boolean futexFwd() {
        return bug("FutexFwd");
    }

    /** "WAKE" \in FutexOps. */
    public boolean futexWake() {
        return bug("FutexWake");
    }

    /** WsIds == 0..(2 * NT - 1). */
    public int wsIds() {
        return 2 * threads();
    }

    public boolean bug(String name) {
        return bugs.contains(name);
    }

    /** FutexOn: origin threads may run FUTEX_WAIT on the page. */
    public boolean futexOn() {
        return bug("FutexShared") || bug("FutexPrivate");
    }

    /** FutexSharedKey. */
    public boolean futexShared() {
        return bug("FutexShared");
    }

    /** PinWrite: the write intent the pin passes (as built, FP1: read). */
    public boolean pinWrite() {
        return futexShared() && !bug("FP1");
    }
}
