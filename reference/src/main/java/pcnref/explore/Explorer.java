package pcnref.explore;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap;

/**
 * Breadth-first explicit-state exploration of a {@link TransitionSystem}, TLC style: every distinct
 * state's invariants are checked when it is first seen; a violation stops the run with a shortest
 * counterexample.
 *
 * <p>THE mutable hot path of pcn-ref (CONTRIBUTING "No mutable shared state outside explicit,
 * documented hot paths"): the seen set is an Eclipse Collections primitive {@code long -> long} map
 * from a state's 64-bit fingerprint to its BFS parent's fingerprint (no boxing, 16 bytes a state),
 * and the frontier is a plain list of immutable states. Counterexamples are rebuilt the way TLC does:
 * walk the parent fingerprints back to an initial state, then replay forward, picking at each step the
 * successor with the recorded fingerprint. Single-threaded: the machine is shared, and one thread
 * already outruns TLC by the margin measured in docs/performance.md.
 */
public final class Explorer<S, L> {
    private static final long NO_PARENT = 0x9e3779b97f4a7c15L; // sentinel; a real fingerprint equal to it is harmless (stops the walk)

    private final TransitionSystem<S, L> model;
    private boolean checkDeadlock;
    private long maxStates = Long.MAX_VALUE;
    private PrintStream progress;
    private long progressEveryNanos = 10_000_000_000L;

    public Explorer(TransitionSystem<S, L> model) {
        this.model = model;
    }

    /** TLC's CHECK_DEADLOCK: a state with no enabled step is an error named "Deadlock". */
    public Explorer<S, L> checkDeadlock(boolean on) {
        this.checkDeadlock = on;
        return this;
    }

    /** Stop (result not complete) once this many distinct states are seen. */
    public Explorer<S, L> maxStates(long n) {
        this.maxStates = n;
        return this;
    }

    /** Print a progress line to {@code out} every {@code seconds} (null: silent). */
    public Explorer<S, L> progress(PrintStream out, int seconds) {
        this.progress = out;
        this.progressEveryNanos = seconds * 1_000_000_000L;
        return this;
    }

    public ExploreResult<S, L> run() {
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        long nextReport = t0 + progressEveryNanos;
        LongLongHashMap parent = new LongLongHashMap(1 << 16);
        List<Invariant<S>> invariants = model.invariants();
        long generated = 0;
        int depth = 0;
        List<S> frontier = new ArrayList<>();
        for (S s : model.initStates()) {
            generated++;
            if (!model.withinConstraint(s)) continue;
            long fp = model.canonicalFingerprint(s);
            if (parent.containsKey(fp)) continue;
            parent.put(fp, NO_PARENT);
            String bad = violated(invariants, s);
            if (bad != null) {
                return new ExploreResult<>(parent.size(), generated, 1, System.nanoTime() - t0, cpu() - cpu0, false,
                        Optional.of(trace(bad, fp, parent)));
            }
            frontier.add(s);
        }
        if (!frontier.isEmpty()) depth = 1;
        long expanded = 0;
        List<S> succ = new ArrayList<>();
        while (!frontier.isEmpty()) {
            List<S> next = new ArrayList<>();
            for (S s : frontier) {
                expanded++;
                succ.clear();
                model.successors(s, (step, t) -> succ.add(t));
                if (succ.isEmpty() && checkDeadlock) {
                    return new ExploreResult<>(parent.size(), generated, depth, System.nanoTime() - t0, cpu() - cpu0, false,
                            Optional.of(trace("Deadlock", model.canonicalFingerprint(s), parent)));
                }
                long sfp = 0;
                boolean sfpKnown = false;
                for (S t : succ) {
                    generated++;
                    if (!model.withinConstraint(t)) continue;
                    long fp = model.canonicalFingerprint(t);
                    if (parent.containsKey(fp)) continue;
                    if (!sfpKnown) {
                        sfp = model.canonicalFingerprint(s);
                        sfpKnown = true;
                    }
                    parent.put(fp, sfp);
                    String bad = violated(invariants, t);
                    if (bad != null) {
                        return new ExploreResult<>(parent.size(), generated, depth + 1, System.nanoTime() - t0, cpu() - cpu0,
                                false, Optional.of(trace(bad, fp, parent)));
                    }
                    next.add(t);
                    if (parent.size() >= maxStates) {
                        return new ExploreResult<>(parent.size(), generated, depth + 1, System.nanoTime() - t0, cpu() - cpu0,
                                false, Optional.empty());
                    }
                }
                if (progress != null && (expanded & 0x3ff) == 0) {
                    long now = System.nanoTime();
                    if (now >= nextReport) {
                        nextReport = now + progressEveryNanos;
                        double secs = (now - t0) / 1e9;
                        progress.printf("explore: %,d distinct states, depth %d, %,d on queue, %.0f s, %,.0f states/s%n",
                                parent.size(), depth, frontier.size() + next.size(), secs, parent.size() / secs);
                    }
                }
            }
            frontier = next;
            if (!frontier.isEmpty()) depth++;
        }
        return new ExploreResult<>(parent.size(), generated, depth, System.nanoTime() - t0, cpu() - cpu0, true, Optional.empty());
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    private String violated(List<Invariant<S>> invariants, S s) {
        for (Invariant<S> inv : invariants) {
            if (!inv.holds().test(s)) return inv.name();
        }
        return null;
    }

    /** Rebuild a shortest path to the state with fingerprint {@code fp} from the parent map. */
    private Counterexample<S, L> trace(String invariant, long fp, LongLongHashMap parent) {
        List<Long> fps = new ArrayList<>();
        for (long f = fp; f != NO_PARENT && fps.size() <= parent.size(); f = parent.get(f)) fps.add(f);
        java.util.Collections.reverse(fps);
        List<S> states = new ArrayList<>();
        List<L> labels = new ArrayList<>();
        S cur = null;
        for (S s : model.initStates()) {
            if (model.canonicalFingerprint(s) == fps.get(0)) {
                cur = s;
                break;
            }
        }
        if (cur == null) throw new IllegalStateException("counterexample: no initial state with the recorded fingerprint");
        states.add(cur);
        for (int i = 1; i < fps.size(); i++) {
            long want = fps.get(i);
            S found = null;
            for (L step : model.enabled(cur)) {
                S t = model.apply(cur, step);
                if (model.withinConstraint(t) && model.canonicalFingerprint(t) == want) {
                    found = t;
                    labels.add(step);
                    break;
                }
            }
            if (found == null) throw new IllegalStateException("counterexample: replay lost the path at step " + i);
            states.add(found);
            cur = found;
        }
        return new Counterexample<>(invariant, states, labels);
    }
}
