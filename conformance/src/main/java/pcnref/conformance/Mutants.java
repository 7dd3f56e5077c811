package pcnref.conformance;

import java.util.ArrayList;
import java.util.List;
import pcnref.canon.CValue;

/**
 * Deliberately broken references, to show that the conformance check can fail and that its first
 * difference reads well. Each wraps a faithful {@link ReferenceModel} and breaks one handler (the
 * steps whose label names {@code action}) the way real handler bugs look: the handler loses its
 * effect (the step leaves the state unchanged), or it is never run (the step is missing).
 */
public final class Mutants {
    private Mutants() {}

    /** The handler runs but changes nothing: every {@code action} step leads back to its source state. */
    public static <S> ReferenceModel<S> lostEffect(ReferenceModel<S> model, String action) {
        return new Wrapped<>(model, action, true);
    }

    /** The handler is never run: no {@code action} step is enabled. */
    public static <S> ReferenceModel<S> neverRun(ReferenceModel<S> model, String action) {
        return new Wrapped<>(model, action, false);
    }

    private record Wrapped<S>(ReferenceModel<S> model, String action, boolean stutter) implements ReferenceModel<S> {
        @Override
        public List<S> initialStates() {
            return model.initialStates();
        }

        @Override
        public List<Step<S>> steps(S state) {
            List<Step<S>> out = new ArrayList<>();
            for (Step<S> st : model.steps(state)) {
                if (!st.label().action().equals(action)) out.add(st);
                else if (stutter) out.add(new Step<>(st.label(), state));
            }
            return out;
        }

        @Override
        public CValue canonical(S state) {
            return model.canonical(state);
        }
    }
}
