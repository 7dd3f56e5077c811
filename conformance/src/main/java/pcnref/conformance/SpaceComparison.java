package pcnref.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import pcnref.canon.CValue;

/**
 * Compares the reachable graphs of the spec (TLC) and of the reference (Java). They are equal iff
 * the initial states are the same set and every state has the same outgoing {@code (label, successor)}
 * set on both sides; by induction from the initial states this makes the state sets and the
 * transition sets equal. States are visited in TLC's BFS order, so the first difference reported is
 * one of least depth, printed with the path (labels) that reaches it and both sides' forms.
 */
public final class SpaceComparison {
    private SpaceComparison() {}

    /** The verdict: sizes on both sides and, when unequal, a readable first difference. */
    public record Result(boolean equal, int tlcStates, int javaStates, int tlcTransitions, int javaTransitions,
                         String firstDifference) {}

    private record Out(Label label, CValue to) {}

    public static Result compare(StateGraph tlc, StateGraph java) {
        int tlcT = distinctEdges(tlc), javaT = distinctEdges(java);
        String diff = firstDifference(tlc, java);
        if (diff == null && (tlc.truncated() || java.truncated())) {
            diff = "exploration stopped at the state limit (" + (tlc.truncated() ? "TLC" : "Java") + "): no difference in the explored part";
        }
        if (diff == null && (tlc.size() != java.size() || tlcT != javaT)) {
            diff = "no differing state found but sizes differ (internal error)";
        }
        return new Result(diff == null, tlc.size(), java.size(), tlcT, javaT, diff);
    }

    private static int distinctEdges(StateGraph g) {
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (StateGraph.Edge e : g.edges()) if (seen.add(e.from() + " " + e.label() + " " + e.to())) n++;
        return n;
    }

    private static String firstDifference(StateGraph tlc, StateGraph java) {
        Set<CValue> tInit = new TreeSet<>(), jInit = new TreeSet<>();
        tlc.initial().forEach(i -> tInit.add(tlc.state(i)));
        java.initial().forEach(i -> jInit.add(java.state(i)));
        if (!tInit.equals(jInit)) {
            StringBuilder sb = new StringBuilder("initial states differ\n");
            for (CValue s : tInit) if (!jInit.contains(s)) sb.append("  only TLC : ").append(s).append('\n');
            for (CValue s : jInit) if (!tInit.contains(s)) sb.append("  only Java: ").append(s).append('\n');
            if (tInit.size() == 1 && jInit.size() == 1) {
                CDiff.diff(tInit.iterator().next(), jInit.iterator().next(), "TLC", "Java")
                        .forEach(l -> sb.append("  differs in ").append(l).append('\n'));
            }
            return sb.toString().stripTrailing();
        }
        List<List<Out>> tOut = outgoing(tlc), jOut = outgoing(java);
        for (int i = 0; i < tlc.size(); i++) {
            int j = java.indexOf(tlc.state(i));
            if (j < 0) continue; // reached from an earlier state, which is reported first
            Map<Label, Set<CValue>> ts = byLabel(tOut.get(i)), js = byLabel(jOut.get(j));
            if (ts.equals(js)) continue;
            return describe(tlc, i, ts, js);
        }
        return null;
    }

    private static String describe(StateGraph tlc, int i, Map<Label, Set<CValue>> ts, Map<Label, Set<CValue>> js) {
        StringBuilder sb = new StringBuilder();
        List<Label> path = tlc.pathTo(i);
        sb.append("first difference after ").append(path.size()).append(" steps: ")
                .append(path.isEmpty() ? "(initial state)" : path.stream().map(Label::toString).collect(Collectors.joining(" -> ")))
                .append('\n');
        sb.append("  in state: ").append(tlc.state(i)).append('\n');
        sb.append(StepDifference.describe(ts, js)).append('\n');
        return sb.toString().stripTrailing();
    }

    private static List<List<Out>> outgoing(StateGraph g) {
        List<List<Out>> out = new ArrayList<>(g.size());
        for (int i = 0; i < g.size(); i++) out.add(new ArrayList<>());
        for (StateGraph.Edge e : g.edges()) out.get(e.from()).add(new Out(e.label(), g.state(e.to())));
        return out;
    }

    private static Map<Label, Set<CValue>> byLabel(List<Out> outs) {
        Map<Label, Set<CValue>> m = new TreeMap<>();
        for (Out o : outs) m.computeIfAbsent(o.label(), k -> new TreeSet<>()).add(o.to());
        return m;
    }
}
