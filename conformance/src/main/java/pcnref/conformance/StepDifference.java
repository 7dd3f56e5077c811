package pcnref.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import pcnref.canon.CValue;

/** How the labelled successors of one state differ between TLC and Java, for people to read. */
final class StepDifference {
    private StepDifference() {}

    /** The first differing step of one state, both sides' successors and where they differ. */
    static String describe(Map<Label, Set<CValue>> t, Map<Label, Set<CValue>> j) {
        TreeSet<Label> labels = new TreeSet<>(j.keySet());
        labels.addAll(t.keySet());
        List<Label> onlyTlc = labels.stream().filter(l -> !j.containsKey(l)).toList();
        List<Label> onlyJava = labels.stream().filter(l -> !t.containsKey(l)).toList();
        StringBuilder head = new StringBuilder();
        if (!onlyTlc.isEmpty() && !onlyJava.isEmpty()) { // typically a label naming drift: show both sides' names
            head.append("  steps only TLC has : ").append(onlyTlc.stream().limit(6).map(Label::toString).collect(Collectors.joining(", "))).append('\n');
            head.append("  steps only Java has: ").append(onlyJava.stream().limit(6).map(Label::toString).collect(Collectors.joining(", "))).append('\n');
        }
        for (Label l : labels) {
            Set<CValue> a = t.getOrDefault(l, Set.of()), b = j.getOrDefault(l, Set.of());
            if (a.equals(b)) continue;
            StringBuilder sb = new StringBuilder(head).append("  step ").append(l).append(": ")
                    .append(b.isEmpty() ? "enabled in TLC, not in Java" : a.isEmpty()
                            ? "enabled in Java, not in TLC (not a step of the spec)" : "different successors").append('\n');
            List<CValue> onlyT = a.stream().filter(x -> !b.contains(x)).toList();
            List<CValue> onlyJ = b.stream().filter(x -> !a.contains(x)).toList();
            onlyT.forEach(x -> sb.append("    TLC  successor: ").append(x).append('\n'));
            onlyJ.forEach(x -> sb.append("    Java successor: ").append(x).append('\n'));
            if (onlyT.size() == 1 && onlyJ.size() == 1)
                CDiff.diff(onlyT.get(0), onlyJ.get(0), "TLC", "Java").forEach(d -> sb.append("    differs in ").append(d).append('\n'));
            return sb.toString().stripTrailing();
        }
        return null;
    }
}
