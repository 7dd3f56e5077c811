package pcnref.modeltest;

/**
 * An independent model of what a walk must observe, consulted after every step. Immutable: a step
 * returns the oracle to use next, so a replayed (shrunk) walk starts from a fresh oracle and gets
 * the same verdicts.
 *
 * @param <S> model state
 * @param <L> step label
 */
public interface Oracle<S, L> {

    /** Judge the step {@code label} that led from {@code before} to {@code after}. */
    Verdict<S, L> step(S before, L label, S after);

    /** What one step did to the oracle. */
    sealed interface Verdict<S, L> {
    }

    /**
     * The step agrees with the oracle.
     *
     * @param next    the oracle after the step
     * @param checked observations compared on this step (e.g. 1 for a read whose value was checked)
     */
    record Ok<S, L>(Oracle<S, L> next, int checked) implements Verdict<S, L> {
    }

    /**
     * The step disagrees with the oracle.
     *
     * @param kind   stable name of the failure (shrinking keeps a candidate only if its kind is equal)
     * @param detail what was observed and what was expected
     */
    record Fail<S, L>(String kind, String detail) implements Verdict<S, L> {
    }

    /** The oracle that accepts everything and checks nothing. */
    static <S, L> Oracle<S, L> none() {
        return new Oracle<>() {
            @Override
            public Verdict<S, L> step(S before, L label, S after) {
                return new Ok<>(this, 0);
            }
        };
    }
}
