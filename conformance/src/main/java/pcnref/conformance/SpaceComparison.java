package pcnref.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;
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
        // Java state numbers in TLC's numbering (or -1-j for a state TLC does not have), so that the
        // outgoing transitions of a state compare as small sets of (label, number).
        int[] jToT = new int[java.size()];
        for (int j = 0; j < java.size(); j++) {
            int t = tlc.indexOf(java.state(j));
            jToT[j] = t >= 0 ? t : -1 - j;
        }
        int[] tToJ = new int[tlc.size()];
        Arrays.fill(tToJ, -1);
        for (int j = 0; j < java.size(); j++) if (jToT[j] >= 0) tToJ[jToT[j]] = j;
        List<Set<Numbered>> tOut = numbered(tlc, null), jOut = numbered(java, jToT);
        for (int i = 0; i < tlc.size(); i++) {
            int j = tToJ[i];
            if (j < 0) continue; // reached from an earlier state, which is reported first
            if (tOut.get(i).equals(jOut.get(j))) continue;
            return describe(tlc, i, byLabel(tlc, tOut.get(i), x -> x), byLabel(java, jOut.get(j), x -> x < 0 ? -1 - x : tToJ[x]));
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

    private record Numbered(Label label, int to) {}

    /** Outgoing (label, target) sets per state, targets renumbered by {@code renumber} if given. */
    private static List<Set<Numbered>> numbered(StateGraph g, int[] renumber) {
        List<Set<Numbered>> out = new ArrayList<>(g.size());
        for (int i = 0; i < g.size(); i++) out.add(new HashSet<>());
        for (StateGraph.Edge e : g.edges())
            out.get(e.from()).add(new Numbered(e.label(), renumber == null ? e.to() : renumber[e.to()]));
        return out;
    }

    /** Outgoing steps by label, targets as canonical states; {@code own} maps a number back to {@code g}'s. */
    private static Map<Label, Set<CValue>> byLabel(StateGraph g, Set<Numbered> outs, IntUnaryOperator own) {
        Map<Label, Set<CValue>> m = new TreeMap<>();
        for (Numbered o : outs) m.computeIfAbsent(o.label(), x -> new TreeSet<>()).add(g.state(own.applyAsInt(o.to())));
        return m;
    }
}
