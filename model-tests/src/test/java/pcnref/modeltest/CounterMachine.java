package pcnref.modeltest;

import java.util.ArrayList;
import java.util.List;
import pcnref.explore.Invariant;
import pcnref.explore.TransitionSystem;

/**
 * Toy model for the harness: a counter x with steps Inc, Dec (x > 0), Reset, Noop; invariant
 * {@code Below3}: x < 3. Every failing walk shrinks to exactly [Inc, Inc, Inc].
 */
record CounterMachine() implements TransitionSystem<Integer, String> {
    public List<Integer> initStates() {
        return List.of(0);
    }

    public List<String> enabled(Integer x) {
        List<String> l = new ArrayList<>(List.of("Inc", "Reset", "Noop"));
        if (x > 0) l.add(1, "Dec");
        return l;
    }

    public Integer apply(Integer x, String step) {
        return switch (step) {
            case "Inc" -> x + 1;
            case "Dec" -> x - 1;
            case "Reset" -> 0;
            case "Noop" -> x;
            default -> throw new IllegalArgumentException(step);
        };
    }

    public List<Invariant<Integer>> invariants() {
        return List.of(new Invariant<>("Below3", x -> x < 3));
    }

    public long fingerprint(Integer x) {
        return x;
    }
}
