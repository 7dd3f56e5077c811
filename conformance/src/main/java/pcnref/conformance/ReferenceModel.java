package pcnref.conformance;

import java.util.List;
import pcnref.canon.CValue;

/**
 * The Java side of a conformance check, as the checker sees it: initial states, the labelled steps
 * enabled in a state, and each state's canonical form (the record of the spec's variables).
 * An adapter implements it for each reference implementation (e.g. the page protocol's Cluster).
 */
public interface ReferenceModel<S> {

    /** One enabled step: its label (spec action name + parameter values) and the state it leads to. */
    record Step<S>(Label label, S next) {}

    List<S> initialStates();

    List<Step<S>> steps(S state);

    CValue canonical(S state);

    /**
     * The reference's own 64-bit state fingerprint, if it has one (the explorer's): lets the BFS skip
     * converting states it has already seen. A fingerprint that merged distinct states would show as
     * missing states in the comparison, so using it also checks it.
     */
    default boolean hasFingerprint() {
        return false;
    }

    default long fingerprint(S state) {
        throw new UnsupportedOperationException("no fingerprint");
    }
}
