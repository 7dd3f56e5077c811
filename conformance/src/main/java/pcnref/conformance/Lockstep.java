package pcnref.conformance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pcnref.canon.CValue;
import tlc2.tool.TLCState;

/**
 * The state-space equality check run in lockstep: one BFS over pairs (TLC state, Java state) with
 * equal canonical forms, comparing in each the labelled successors of both sides, and stopping at
 * the first state where they differ. When it finishes without a difference, the two reachable
 * graphs are equal (same initial states, same labelled successors in every reachable state); when
 * they differ, it finds the least-depth difference without exploring either side in full, which
 * makes it the cheap way to show that a broken reference is caught.
 */
public final class Lockstep {
    private Lockstep() {}

    /** States and transitions checked, and the first difference (null if none). */
    public record Result(int states, long transitions, boolean truncated, String firstDifference) {
        public boolean equal() { return firstDifference == null && !truncated; }
    }

    public static <S> Result run(TlcStateSpace tlc, ReferenceModel<S> model, int maxStates) {
        return run(tlc, model, maxStates, Integer.MAX_VALUE);
    }

    /**
     * As {@link #run(TlcStateSpace, ReferenceModel, int)}, comparing only the states within
     * {@code maxDepth} steps of an initial state (their successors included): for a config whose
     * model TLC refutes, the space up to the counterexample's length, where TLC itself stopped.
     */
    public static <S> Result run(TlcStateSpace tlc, ReferenceModel<S> model, int maxStates, int maxDepth) {
        Map<CValue, Integer> index = new HashMap<>();
        List<Integer> parent = new ArrayList<>();
        List<Integer> depth = new ArrayList<>();
        List<Label> via = new ArrayList<>();
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        Map<CValue, TLCState> tInit = new HashMap<>();
        for (TLCState t : tlc.initStates()) tInit.put(tlc.canonical(t), t);
        Map<CValue, S> jInit = new HashMap<>();
        for (S s : model.initialStates()) jInit.put(JavaStateSpace.canonical(model, s), s);
        if (!tInit.keySet().equals(jInit.keySet())) {
            StringBuilder sb = new StringBuilder("initial states differ\n");
            tInit.keySet().stream().filter(c -> !jInit.containsKey(c)).forEach(c -> sb.append("  only TLC : ").append(c).append('\n'));
            jInit.keySet().stream().filter(c -> !tInit.containsKey(c)).forEach(c -> sb.append("  only Java: ").append(c).append('\n'));
            return new Result(0, 0, false, sb.toString().stripTrailing());
        }
        for (Map.Entry<CValue, TLCState> e : tInit.entrySet()) {
            index.put(e.getKey(), index.size());
            parent.add(-1);
            depth.add(0);
            via.add(null);
            queue.add(new Object[] {index.size() - 1, e.getValue(), jInit.get(e.getKey()), e.getKey()});
        }
        long transitions = 0;
        boolean truncated = false;
        while (!queue.isEmpty()) {
            Object[] q = queue.poll();
            int i = (Integer) q[0];
            TLCState t = (TLCState) q[1];
            @SuppressWarnings("unchecked") S s = (S) q[2];
            List<TlcStateSpace.Successor> tSteps = tlc.successors(t);
            List<ReferenceModel.Step<S>> jSteps = model.steps(s);
            String mismatch = RandomWalks.compareSteps(jSteps, tSteps, model);
            if (mismatch != null) {
                List<Label> path = new ArrayList<>();
                for (int k = i; parent.get(k) >= 0; k = parent.get(k)) path.add(0, via.get(k));
                return new Result(index.size(), transitions, truncated, "first difference after " + path.size() + " steps: "
                        + RandomWalks.show(path) + "\n  in state: " + q[3] + "\n" + mismatch);
            }
            transitions += tSteps.size();
            if (depth.get(i) >= maxDepth) continue; // its successors were compared; they are not expanded
            Map<CValue, S> jByCanon = new HashMap<>();
            for (ReferenceModel.Step<S> st : jSteps) jByCanon.putIfAbsent(JavaStateSpace.canonical(model, st.next()), st.next());
            for (TlcStateSpace.Successor succ : tSteps) {
                if (index.containsKey(succ.canonical())) continue;
                if (index.size() >= maxStates) {
                    truncated = true;
                    continue;
                }
                index.put(succ.canonical(), index.size());
                parent.add(i);
                depth.add(depth.get(i) + 1);
                via.add(succ.label());
                queue.add(new Object[] {index.size() - 1, succ.state(), jByCanon.get(succ.canonical()), succ.canonical()});
            }
        }
        return new Result(index.size(), transitions, truncated, null);
    }
}
