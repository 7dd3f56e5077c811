package pcnref.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pcnref.canon.CValue;

/**
 * A reachable state graph in canonical form, as built by either side: distinct states (numbered in
 * BFS order), the initial states, and every transition {@code (from, label, to)}. Each state keeps
 * the BFS parent and the label that first reached it, so a path to any state can be printed.
 */
public final class StateGraph {

    /** One transition between numbered states. */
    public record Edge(int from, Label label, int to) {}

    private final List<CValue> states = new ArrayList<>();
    private final Map<CValue, Integer> index = new HashMap<>();
    private final List<Integer> parent = new ArrayList<>();
    private final List<Label> via = new ArrayList<>();
    private final List<Integer> initial = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private boolean truncated;

    /** Number of a state, or -1. */
    public int indexOf(CValue state) {
        Integer i = index.get(state);
        return i == null ? -1 : i;
    }

    /** Adds a state if new (parent -1 for an initial state); returns its number. */
    public int add(CValue state, int parentIndex, Label label) {
        Integer i = index.get(state);
        if (i != null) return i;
        int n = states.size();
        states.add(state);
        index.put(state, n);
        parent.add(parentIndex);
        via.add(label);
        if (parentIndex < 0) initial.add(n);
        return n;
    }

    public void addEdge(int from, Label label, int to) {
        edges.add(new Edge(from, label, to));
    }

    public void markTruncated() { truncated = true; }

    /** True when exploration stopped at a state limit: the graph is then a prefix, not the whole space. */
    public boolean truncated() { return truncated; }

    public int size() { return states.size(); }

    public CValue state(int i) { return states.get(i); }

    public List<CValue> states() { return Collections.unmodifiableList(states); }

    public List<Integer> initial() { return Collections.unmodifiableList(initial); }

    public List<Edge> edges() { return Collections.unmodifiableList(edges); }

    /** Labels of the BFS path from an initial state to state {@code i}. */
    public List<Label> pathTo(int i) {
        List<Label> p = new ArrayList<>();
        for (int s = i; parent.get(s) >= 0; s = parent.get(s)) p.add(via.get(s));
        Collections.reverse(p);
        return p;
    }

    /** BFS depth of state {@code i} (0 for an initial state). */
    public int depth(int i) {
        int d = 0;
        for (int s = i; parent.get(s) >= 0; s = parent.get(s)) d++;
        return d;
    }
}
