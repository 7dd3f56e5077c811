package pcnref.explore;

import java.util.Optional;

/**
 * What a run found. {@code depth} is TLC's "depth of the complete state graph search": the number of
 * BFS levels, initial states being level 1 (so the longest shortest path + 1).
 *
 * @param distinctStates distinct (fingerprint) states, initial states included, as TLC counts them
 * @param statesGenerated successor states computed, initial states included (TLC's "states generated")
 * @param cpuNanos       CPU time of the exploring thread (-1 if unknown): the fair figure on a shared machine
 * @param complete       false when stopped by a violation, a deadlock or a state limit
 */
public record ExploreResult<S, L>(long distinctStates, long statesGenerated, int depth, long nanos, long cpuNanos,
                                  boolean complete, Optional<Counterexample<S, L>> violation) {

    public double seconds() {
        return nanos / 1e9;
    }

    /** Distinct states per second of the exploring thread's CPU time (-1 if unknown). */
    public double distinctPerCpuSecond() {
        return cpuNanos <= 0 ? -1 : distinctStates / (cpuNanos / 1e9);
    }

    public double distinctPerSecond() {
        return nanos == 0 ? 0 : distinctStates / seconds();
    }
}
