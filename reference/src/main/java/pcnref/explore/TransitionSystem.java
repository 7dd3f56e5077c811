package pcnref.explore;

import java.util.List;

/**
 * What the explorer needs from a model: initial states, the steps enabled in a state, the state a
 * step leads to, named invariants and a 64-bit fingerprint. Implemented by adapters over immutable
 * model values (e.g. the page protocol's {@code Cluster}); the explorer never mutates a state.
 *
 * @param <S> state (immutable, with value equality)
 * @param <L> step label (immutable, printable)
 */
public interface TransitionSystem<S, L> {

    List<S> initStates();

    /** The steps enabled in {@code s}, in a deterministic order. */
    List<L> enabled(S s);

    /** The state reached by taking {@code step} (which must be enabled) in {@code s}. */
    S apply(S s, L step);

    /** Every enabled step with its successor; override when both come cheaper together. */
    default void successors(S s, java.util.function.BiConsumer<L, S> sink) {
        for (L step : enabled(s)) sink.accept(step, apply(s, step));
    }

    /** Checked on every distinct state, initial states included, as TLC does with INVARIANT. */
    List<Invariant<S>> invariants();

    /** A 64-bit fingerprint: equal states have equal fingerprints; TLC uses 64 bits too. */
    long fingerprint(S s);

    /**
     * TLC's CONSTRAINT: a state outside it is neither counted, nor checked, nor expanded (TLC drops a
     * successor that violates the state constraint before it reaches the fingerprint set).
     */
    default boolean withinConstraint(S s) {
        return true;
    }

    /**
     * TLC's SYMMETRY: the fingerprint of the state's orbit representative. Default: no symmetry.
     * The explorer stores only this value, so symmetric states count once.
     */
    default long canonicalFingerprint(S s) {
        return fingerprint(s);
    }
}
