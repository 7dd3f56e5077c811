package pcnref.conformance;

import java.util.List;
import java.util.stream.Collectors;
import pcnref.canon.CValue;

/**
 * The label of one step: the spec's action name and the values of its parameters, e.g.
 * {@code Send("n1", "n2")}. Both sides of the conformance check name their steps this way, so a
 * Java step and a TLC transition with equal labels are the same kernel step.
 */
public record Label(String action, List<CValue> args) implements Comparable<Label> {

    public Label {
        args = List.copyOf(args);
    }

    public static Label of(String action, CValue... args) {
        return new Label(action, List.of(args));
    }

    @Override
    public int compareTo(Label o) {
        int c = action.compareTo(o.action);
        if (c != 0) return c;
        for (int i = 0; i < Math.min(args.size(), o.args.size()); i++) {
            c = args.get(i).compareTo(o.args.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(args.size(), o.args.size());
    }

    @Override
    public String toString() {
        return args.isEmpty() ? action
                : action + args.stream().map(CValue::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
