package pcnref.conformance;

import java.util.ArrayDeque;
import pcnref.canon.CValue;

/** The reachable graph of a {@link ReferenceModel}, by BFS, in canonical (normalised) form. */
public final class JavaStateSpace {
    private JavaStateSpace() {}

    public static <S> StateGraph explore(ReferenceModel<S> model, long maxStates) {
        StateGraph g = new StateGraph();
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        for (S s : model.initialStates()) {
            int before = g.size();
            int i = g.add(canonical(model, s), -1, null);
            if (i == before) queue.add(new Object[] {i, s});
        }
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            int from = (Integer) e[0];
            @SuppressWarnings("unchecked") S s = (S) e[1];
            for (ReferenceModel.Step<S> step : model.steps(s)) {
                CValue c = canonical(model, step.next());
                int before = g.size();
                if (before >= maxStates && g.indexOf(c) < 0) {
                    g.markTruncated();
                    continue;
                }
                int to = g.add(c, from, step.label());
                g.addEdge(from, step.label(), to);
                if (to == before) queue.add(new Object[] {to, step.next()});
            }
        }
        return g;
    }

    static <S> CValue canonical(ReferenceModel<S> model, S s) {
        return Canon.normalize(model.canonical(s));
    }
}
