package pcnref.conformance;

import java.util.ArrayDeque;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import pcnref.canon.CValue;

/**
 * The reachable graph of a {@link ReferenceModel}, by BFS, in canonical (normalised) form. When the
 * model has a fingerprint, a successor already seen is recognised by it without being converted.
 */
public final class JavaStateSpace {
    private JavaStateSpace() {}

    public static <S> StateGraph explore(ReferenceModel<S> model, long maxStates) {
        StateGraph g = new StateGraph();
        boolean fps = model.hasFingerprint();
        LongIntHashMap seen = new LongIntHashMap();
        ArrayDeque<S> queue = new ArrayDeque<>();
        ArrayDeque<Integer> queueIndex = new ArrayDeque<>();
        for (S s : model.initialStates()) {
            int before = g.size();
            int i = g.add(canonical(model, s), -1, null);
            if (fps) seen.put(model.fingerprint(s), i);
            if (i == before) {
                queue.add(s);
                queueIndex.add(i);
            }
        }
        while (!queue.isEmpty()) {
            S s = queue.poll();
            int from = queueIndex.poll();
            for (ReferenceModel.Step<S> step : model.steps(s)) {
                long fp = fps ? model.fingerprint(step.next()) : 0;
                int to = fps ? seen.getIfAbsent(fp, -1) : -1;
                if (to < 0) {
                    CValue c = canonical(model, step.next());
                    int before = g.size();
                    if (before >= maxStates && g.indexOf(c) < 0) {
                        g.markTruncated();
                        continue;
                    }
                    to = g.add(c, from, step.label());
                    if (fps) seen.put(fp, to);
                    if (to == before) {
                        queue.add(step.next());
                        queueIndex.add(to);
                    }
                }
                g.addEdge(from, step.label(), to);
            }
        }
        return g;
    }

    static <S> CValue canonical(ReferenceModel<S> model, S s) {
        return Canon.normalize(model.canonical(s));
    }
}
