package pcnref.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import pcnref.canon.CValue;
import tlc2.tool.TLCState;

/**
 * Seeded random walks of the reference, each step checked against the spec through TLC's API: the
 * Java successor must be among the successors TLC computes from the matching TLC state under the
 * action with the same label, and (in every visited state) the Java steps must be exactly TLC's
 * steps, label by label. The walk then follows TLC's copy of the Java successor. This reaches depths
 * a full BFS of a deep config cannot, at the cost of covering only the states walked.
 */
public final class RandomWalks {
    private RandomWalks() {}

    /** Outcome: steps checked, walks run, distinct states visited, and the first failure or null. */
    public record Result(long steps, int walks, int distinctStates, String failure) {
        public boolean ok() { return failure == null; }
    }

    /**
     * Runs walks of at most {@code depth} steps until {@code totalSteps} steps were checked (a walk
     * restarts from a random initial state at a deadlock or at {@code depth}).
     */
    public static <S> Result run(TlcStateSpace tlc, ReferenceModel<S> model, long seed, long totalSteps, int depth) {
        Random rnd = new Random(seed);
        List<TLCState> tInits = tlc.initStates();
        Map<CValue, TLCState> tInitByCanon = new TreeMap<>();
        for (TLCState t : tInits) tInitByCanon.put(tlc.canonical(t), t);
        List<S> jInits = model.initialStates();
        if (jInits.isEmpty()) return new Result(0, 0, 0, "the reference has no initial state");
        Set<CValue> visited = new TreeSet<>();
        long steps = 0;
        int walks = 0;
        while (steps < totalSteps) {
            walks++;
            S s = jInits.get(rnd.nextInt(jInits.size()));
            CValue c = JavaStateSpace.canonical(model, s);
            TLCState t = tInitByCanon.get(c);
            if (t == null) return new Result(steps, walks, visited.size(),
                    "walk " + walks + ": Java initial state is not an initial state of the spec\n  Java: " + c);
            List<Label> path = new ArrayList<>();
            for (int d = 0; d < depth && steps < totalSteps; d++) {
                visited.add(c);
                List<ReferenceModel.Step<S>> jSteps = model.steps(s);
                List<TlcStateSpace.Successor> tSteps = tlc.successors(t);
                String mismatch = compareSteps(jSteps, tSteps, model);
                if (mismatch != null) {
                    return new Result(steps, walks, visited.size(), "walk " + walks + " (seed " + seed + "), after "
                            + path.size() + " steps: " + show(path) + "\n  in state: " + c + "\n" + mismatch);
                }
                if (jSteps.isEmpty()) break;
                ReferenceModel.Step<S> step = jSteps.get(rnd.nextInt(jSteps.size()));
                CValue next = JavaStateSpace.canonical(model, step.next());
                TLCState tNext = null;
                for (TlcStateSpace.Successor succ : tlc.successors(t, step.label())) {
                    if (succ.canonical().equals(next)) { tNext = succ.state(); break; }
                }
                if (tNext == null) { // cannot happen after compareSteps agreed; kept as a guard
                    return new Result(steps, walks, visited.size(), "walk " + walks + ": step " + step.label()
                            + " has no TLC counterpart after " + show(path));
                }
                path.add(step.label());
                steps++;
                s = step.next();
                t = tNext;
                c = next;
            }
        }
        return new Result(steps, walks, visited.size(), null);
    }

    static <S> String compareSteps(List<ReferenceModel.Step<S>> jSteps, List<TlcStateSpace.Successor> tSteps,
                                           ReferenceModel<S> model) {
        Map<Label, Set<CValue>> j = new TreeMap<>(), t = new TreeMap<>();
        for (ReferenceModel.Step<S> st : jSteps)
            j.computeIfAbsent(st.label(), k -> new TreeSet<>()).add(JavaStateSpace.canonical(model, st.next()));
        for (TlcStateSpace.Successor st : tSteps) t.computeIfAbsent(st.label(), k -> new TreeSet<>()).add(st.canonical());
        if (j.equals(t)) return null;
        return StepDifference.describe(t, j);
    }

    static String show(List<Label> path) {
        if (path.isEmpty()) return "(initial state)";
        int from = Math.max(0, path.size() - 40); // a long walk: its last steps are what matters
        return (from > 0 ? "... " + from + " steps ... -> " : "")
                + path.subList(from, path.size()).stream().map(Label::toString).collect(Collectors.joining(" -> "));
    }
}
