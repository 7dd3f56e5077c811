package pcnref.modeltest;

/**
 * Why a walk failed.
 *
 * @param kind   invariant name (e.g. {@code SingleWriterInv}), an oracle failure kind, or
 *               {@code Exception(Class)} when the model threw; shrinking preserves it
 * @param detail one line: the observation or the exception message
 * @param step   number of steps taken when the failure showed (0: the initial state)
 */
public record Failure(String kind, String detail, int step) {
}
