package pcnref.modeltest;

/**
 * A failing walk shrunk by {@link Ddmin}.
 *
 * @param walk           the minimal walk, replayed (states included), failing with the original kind
 * @param originalLength steps of the walk as found
 * @param tests          replays ddmin ran
 */
public record Shrunk<S, L>(Replay<S, L> walk, int originalLength, int tests) {
}
