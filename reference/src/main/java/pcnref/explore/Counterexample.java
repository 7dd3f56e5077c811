package pcnref.explore;

import java.util.List;

/**
 * A path from an initial state to a state violating {@code invariant}: {@code states.get(0)} is
 * initial, {@code labels.get(i)} leads from {@code states.get(i)} to {@code states.get(i + 1)}.
 * Its length in states equals TLC's reported trace length (BFS gives a shortest one).
 */
public record Counterexample<S, L>(String invariant, List<S> states, List<L> labels) {

    public int length() {
        return states.size();
    }

    /** The trace as TLC prints it: numbered states, each preceded by the step that produced it. */
    public String render(java.util.function.Function<S, String> showState) {
        StringBuilder sb = new StringBuilder();
        sb.append("Invariant ").append(invariant).append(" is violated.\n");
        for (int i = 0; i < states.size(); i++) {
            sb.append("State ").append(i + 1).append(": ")
              .append(i == 0 ? "<Initial predicate>" : "<" + labels.get(i - 1) + ">").append('\n')
              .append(showState.apply(states.get(i))).append("\n\n");
        }
        return sb.toString();
    }
}
