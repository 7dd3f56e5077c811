package pcnref.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import pcnref.canon.CValue;
import pcnref.explore.TransitionSystem;

/**
 * A reference {@link TransitionSystem} (what the explorer runs) seen as a {@link ReferenceModel}:
 * the same initial states and successors (the explorer's own {@code successors} path), TLC's state
 * CONSTRAINT applied the same way (a state outside it is dropped), each step label mapped to a
 * {@link Label} and each state to its canonical value. Symmetry is not applied: every state counts.
 */
public record TransitionSystemModel<S, L>(TransitionSystem<S, L> system, Function<L, Label> label,
                                          Function<S, CValue> canonical) implements ReferenceModel<S> {

    @Override
    public List<S> initialStates() {
        List<S> l = new ArrayList<>();
        for (S s : system.initStates()) if (system.withinConstraint(s)) l.add(s);
        return l;
    }

    @Override
    public List<Step<S>> steps(S state) {
        List<Step<S>> out = new ArrayList<>();
        system.successors(state, (l, t) -> {
            if (system.withinConstraint(t)) out.add(new Step<>(label.apply(l), t));
        });
        return out;
    }

    @Override
    public boolean hasFingerprint() {
        return true;
    }

    /** The plain fingerprint, never the symmetry-reduced one. */
    @Override
    public long fingerprint(S state) {
        return system.fingerprint(state);
    }

    @Override
    public CValue canonical(S state) {
        return canonical.apply(state);
    }
}
