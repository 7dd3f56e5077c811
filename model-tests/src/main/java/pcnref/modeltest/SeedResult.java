package pcnref.modeltest;

import java.util.Optional;

/**
 * What the walks of one seed did.
 *
 * @param walks          walks started
 * @param steps          steps taken over all walks
 * @param distinctStates distinct state fingerprints visited
 * @param checked        oracle observations compared (e.g. user reads)
 * @param nanos          time spent walking (until the failure, if any)
 * @param shrinkNanos    time spent shrinking
 * @param found          the failure, if a walk failed
 */
public record SeedResult<S, L>(long seed, int walks, long steps, long distinctStates, long checked, long nanos,
                               long shrinkNanos, Optional<Found<S, L>> found) {

    /**
     * A failing walk.
     *
     * @param walk     index of the walk in the seed's run (its seed is {@code Simulator.walkSeed(seed, walk)})
     * @param original the walk as found
     * @param shrunk   the same failure after shrinking
     */
    public record Found<S, L>(int walk, Replay<S, L> original, Shrunk<S, L> shrunk) {
    }

    public boolean passed() {
        return found.isEmpty();
    }

    public double stepsPerSecond() {
        return nanos == 0 ? 0 : steps / (nanos / 1e9);
    }
}
