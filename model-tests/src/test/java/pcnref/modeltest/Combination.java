package pcnref.modeltest;

import java.util.ArrayList;
import java.util.List;
import pcnref.explore.Invariant;
import pcnref.explore.TransitionSystem;

/**
 * Toy model whose steps are enabled only in some states: a lock opened by A, B, C in this order
 * (B needs progress 1, C needs progress 2), X resets, Y does nothing. Invariant {@code Locked}:
 * progress < 3. Minimal failing walk: [A, B, C]; replaying a subsequence must skip disabled steps.
 */
record Combination() implements TransitionSystem<Integer, String> {
    public List<Integer> initStates() {
        return List.of(0);
    }

    public List<String> enabled(Integer p) {
        List<String> l = new ArrayList<>();
        if (p == 0) l.add("A");
        if (p == 1) l.add("B");
        if (p == 2) l.add("C");
        l.add("X");
        l.add("Y");
        return l;
    }

    public Integer apply(Integer p, String step) {
        return switch (step) {
            case "A", "B", "C" -> p + 1;
            case "X" -> 0;
            case "Y" -> p;
            default -> throw new IllegalArgumentException(step);
        };
    }

    public List<Invariant<Integer>> invariants() {
        return List.of(new Invariant<>("Locked", p -> p < 3));
    }

    public long fingerprint(Integer p) {
        return p;
    }
}
