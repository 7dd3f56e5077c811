package pcnref.modeltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import pcnref.explore.Invariant;
import pcnref.explore.TransitionSystem;

/**
 * Seeded random walks over a {@link TransitionSystem}, with the model's invariants and an
 * {@link Oracle} checked after every step, and delta-debugging shrinking of a failing walk.
 *
 * <p>A run for one seed is a sequence of walks: walk {@code k} starts from an initial state with its
 * own generator seeded by {@link #walkSeed(long, int)}, picks one enabled step at a time (uniformly, or by
 * the given weights) and ends when no step is enabled or after {@code maxWalkSteps}; walks go on
 * until {@code stepBudget} steps are taken or one fails. Everything is a function of the seed, so a
 * printed seed repeats the run exactly. Immutable: the {@code with...} methods return copies.
 */
public final class Simulator<S, L> {
    private final TransitionSystem<S, L> model;
    private final Oracle<S, L> oracle;
    private final ToDoubleFunction<L> weight; // null: uniform
    private final boolean checkInvariants;
    private final int maxWalkSteps;

    public Simulator(TransitionSystem<S, L> model) {
        this(model, Oracle.none(), null, true, 1_000);
    }

    private Simulator(TransitionSystem<S, L> model, Oracle<S, L> oracle, ToDoubleFunction<L> weight,
                      boolean checkInvariants, int maxWalkSteps) {
        this.model = model;
        this.oracle = oracle;
        this.weight = weight;
        this.checkInvariants = checkInvariants;
        this.maxWalkSteps = maxWalkSteps;
    }

    /** The oracle every walk (and every shrinking replay) starts from. */
    public Simulator<S, L> withOracle(Oracle<S, L> o) {
        return new Simulator<>(model, o, weight, checkInvariants, maxWalkSteps);
    }

    /** Choose among enabled steps with these (non-negative) weights instead of uniformly. */
    public Simulator<S, L> withWeights(ToDoubleFunction<L> w) {
        return new Simulator<>(model, oracle, w, checkInvariants, maxWalkSteps);
    }

    /** Whether the model's invariants are checked (off: only the oracle judges the walk). */
    public Simulator<S, L> withInvariants(boolean on) {
        return new Simulator<>(model, oracle, weight, on, maxWalkSteps);
    }

    /** Longest walk before starting over from an initial state. */
    public Simulator<S, L> withMaxWalkSteps(int n) {
        if (n < 1) throw new IllegalArgumentException("maxWalkSteps must be >= 1, got " + n);
        return new Simulator<>(model, oracle, weight, checkInvariants, n);
    }

    public TransitionSystem<S, L> model() {
        return model;
    }

    /** The seed of walk {@code k} of the run for {@code seed}. */
    public static long walkSeed(long seed, int k) {
        // SplitMix64's finaliser over (seed, k): nearby seeds and walks get unrelated generators.
        long z = seed + 0x9e3779b97f4a7c15L * (k + 1L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Walks for {@code seed} until {@code stepBudget} steps are taken or a walk fails (then shrunk). */
    public SeedResult<S, L> run(long seed, long stepBudget) {
        long t0 = System.nanoTime();
        LongHashSet seen = new LongHashSet();
        long steps = 0;
        long checked = 0;
        int walks = 0;
        while (steps < stepBudget) {
            int k = walks++;
            Replay<S, L> w = walk(walkSeed(seed, k), (int) Math.min(maxWalkSteps, stepBudget - steps), seen);
            steps += w.length();
            checked += w.checked();
            if (w.failed()) {
                long tFound = System.nanoTime();
                Shrunk<S, L> shrunk = shrink(w);
                return new SeedResult<>(seed, walks, steps, seen.size(), checked, tFound - t0,
                        System.nanoTime() - tFound, Optional.of(new SeedResult.Found<>(k, w, shrunk)));
            }
            if (w.length() == 0) break; // an initial state without successors: nothing more to walk
        }
        return new SeedResult<>(seed, walks, steps, seen.size(), checked, System.nanoTime() - t0, 0, Optional.empty());
    }

    /** One random walk of at most {@code maxSteps} steps; fingerprints of visited states go to {@code seen}. */
    public Replay<S, L> walk(long walkSeed, int maxSteps, LongHashSet seen) {
        SplittableRandom rng = new SplittableRandom(walkSeed);
        List<S> inits = model.initStates();
        S s = inits.get(rng.nextInt(inits.size()));
        Walker w = new Walker(s, seen);
        if (w.failure != null) return w.result();
        List<L> labels = new ArrayList<>();
        List<S> nexts = new ArrayList<>();
        for (int i = 0; i < maxSteps; i++) {
            labels.clear();
            nexts.clear();
            try {
                model.successors(w.state, (l, t) -> {
                    labels.add(l);
                    nexts.add(t);
                });
            } catch (RuntimeException e) {
                // Some step throws: choose among the enabled ones and apply only that one, so that the
                // failure, if it is the chosen step, names it (and shrinking can keep it).
                List<L> enabled;
                try {
                    enabled = model.enabled(w.state);
                } catch (RuntimeException e2) {
                    w.failure = thrown(e2, w.labels.size());
                    break;
                }
                if (enabled.isEmpty() || !w.step(enabled.get(choose(enabled, rng)))) break;
                continue;
            }
            if (labels.isEmpty()) break;
            int k = choose(labels, rng);
            if (!w.step(labels.get(k), nexts.get(k))) break;
        }
        return w.result();
    }

    /**
     * Replays {@code steps} from {@code init}, skipping every step not enabled where it comes, up to
     * the first failure. The result lists only the steps actually taken.
     */
    public Replay<S, L> replay(S init, List<L> steps) {
        Walker w = new Walker(init, null);
        if (w.failure != null) return w.result();
        for (L l : steps) {
            boolean enabled;
            try {
                enabled = model.enabled(w.state).contains(l);
            } catch (RuntimeException e) {
                w.failure = thrown(e, w.labels.size());
                break;
            }
            if (enabled && !w.step(l)) break;
        }
        return w.result();
    }

    /** Shrinks a failing walk with {@link Ddmin}, keeping the failure kind. */
    public Shrunk<S, L> shrink(Replay<S, L> failing) {
        Failure f = failing.failure().orElseThrow(() -> new IllegalArgumentException("shrink: the walk did not fail"));
        S init = failing.states().get(0);
        Ddmin.Result<L> r = Ddmin.minimize(failing.labels(), candidate -> {
            Replay<S, L> rp = replay(init, candidate);
            return rp.failsWith(f.kind()) ? Optional.of(rp.labels()) : Optional.empty();
        });
        Replay<S, L> minimal = replay(init, r.minimal());
        if (!minimal.failsWith(f.kind())) throw new IllegalStateException("shrink: the minimal walk no longer fails (model not deterministic?)");
        return new Shrunk<>(minimal, failing.length(), r.tests());
    }

    /** Index of the step to take among {@code enabled}. */
    private int choose(List<L> enabled, SplittableRandom rng) {
        if (weight == null || enabled.size() == 1) return rng.nextInt(enabled.size());
        double total = 0;
        for (L l : enabled) total += Math.max(0, weight.applyAsDouble(l));
        if (total <= 0) return rng.nextInt(enabled.size());
        double x = rng.nextDouble() * total;
        for (int i = 0; i < enabled.size(); i++) {
            x -= Math.max(0, weight.applyAsDouble(enabled.get(i)));
            if (x < 0) return i;
        }
        return enabled.size() - 1;
    }

    private static Failure thrown(RuntimeException e, int step) {
        return new Failure("Exception(" + e.getClass().getSimpleName() + ")", String.valueOf(e.getMessage()), step);
    }

    /** The mutable cursor of one walk or replay (local to the call, never shared). */
    private final class Walker {
        S state;
        Oracle<S, L> or = oracle;
        final List<S> states = new ArrayList<>();
        final List<L> labels = new ArrayList<>();
        final LongHashSet seen;
        final List<Invariant<S>> invariants = checkInvariants ? model.invariants() : List.of();
        Failure failure;
        int checked;

        Walker(S init, LongHashSet seen) {
            this.state = init;
            this.seen = seen;
            states.add(init);
            see(init);
            failure = violated(init, 0);
        }

        /** Take {@code l}; false when the walk failed. */
        boolean step(L l) {
            S next;
            try {
                next = model.apply(state, l);
            } catch (RuntimeException e) {
                // The throwing step is kept (shrinking must keep it); its "next state" repeats the current one.
                failure = thrown(e, labels.size() + 1);
                labels.add(l);
                states.add(state);
                return false;
            }
            return step(l, next);
        }

        /** Take {@code l}, which leads to {@code next}; false when the walk failed. */
        boolean step(L l, S next) {
            labels.add(l);
            states.add(next);
            see(next);
            int n = labels.size();
            Oracle.Verdict<S, L> v = or.step(state, l, next);
            state = next;
            if (v instanceof Oracle.Fail<S, L> f) {
                failure = new Failure(f.kind(), f.detail(), n);
                return false;
            }
            Oracle.Ok<S, L> ok = (Oracle.Ok<S, L>) v;
            or = ok.next();
            checked += ok.checked();
            failure = violated(next, n);
            return failure == null;
        }

        private void see(S s) {
            if (seen != null) seen.add(model.fingerprint(s));
        }

        private Failure violated(S s, int n) {
            for (Invariant<S> inv : invariants) {
                boolean holds;
                try {
                    holds = inv.holds().test(s);
                } catch (RuntimeException e) {
                    return thrown(e, n);
                }
                if (!holds) return new Failure(inv.name(), "invariant " + inv.name() + " is violated", n);
            }
            return null;
        }

        Replay<S, L> result() {
            return new Replay<>(List.copyOf(states), List.copyOf(labels), Optional.ofNullable(failure), checked);
        }
    }
}
