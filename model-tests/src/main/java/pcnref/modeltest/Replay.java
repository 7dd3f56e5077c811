package pcnref.modeltest;

import java.util.List;
import java.util.Optional;

/**
 * A walk as executed: {@code states.get(0)} is the initial state and {@code labels.get(i)} leads
 * from {@code states.get(i)} to {@code states.get(i + 1)}. Stops at the first failure.
 *
 * @param checked oracle observations compared along the walk
 */
public record Replay<S, L>(List<S> states, List<L> labels, Optional<Failure> failure, int checked) {

    public int length() {
        return labels.size();
    }

    public boolean failed() {
        return failure.isPresent();
    }

    /** True when this walk failed with the given kind. */
    public boolean failsWith(String kind) {
        return failure.map(f -> f.kind().equals(kind)).orElse(false);
    }
}
