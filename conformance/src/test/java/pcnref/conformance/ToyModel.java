package pcnref.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import pcnref.canon.CValue;

/**
 * The Java twin of src/test/resources/toy/Toy.tla (with MCToy's constraint), to test the checker.
 * {@code mutant} breaks one handler on purpose: Receive forgets to log the hand-over.
 */
record ToyModel(boolean mutant) implements ReferenceModel<ToyModel.State> {
    static final List<String> NODES = List.of("n1", "n2");
    static final int MAX_COUNT = 2;

    record Msg(String src, String dst) {}

    record State(String holder, Map<String, Integer> count, List<Msg> chan, Set<List<String>> log) {}

    @Override
    public List<State> initialStates() {
        List<State> l = new ArrayList<>();
        for (String n : NODES) l.add(new State(n, zero(), List.of(), Set.of()));
        return l;
    }

    private static Map<String, Integer> zero() {
        Map<String, Integer> m = new TreeMap<>();
        NODES.forEach(n -> m.put(n, 0));
        return m;
    }

    @Override
    public List<Step<State>> steps(State s) {
        List<Step<State>> out = new ArrayList<>();
        for (String f : NODES)
            for (String t : NODES)
                if (s.holder().equals(f) && !f.equals(t) && s.chan().size() < 1 && s.count().get(f) < MAX_COUNT) {
                    Map<String, Integer> c = new TreeMap<>(s.count());
                    c.merge(f, 1, Integer::sum);
                    List<Msg> ch = new ArrayList<>(s.chan());
                    ch.add(new Msg(f, t));
                    add(out, Label.of("Send", CValue.str(f), CValue.str(t)), new State("none", c, ch, s.log()));
                }
        for (String n : NODES)
            if (!s.chan().isEmpty() && s.chan().get(0).dst().equals(n)) {
                Set<List<String>> lg = new TreeSet<>(java.util.Comparator.comparing((List<String> x) -> x.get(0)).thenComparing(x -> x.get(1)));
                lg.addAll(s.log());
                if (!mutant) lg.add(List.of(s.chan().get(0).src(), n));
                add(out, Label.of("Receive", CValue.str(n)), new State(n, s.count(), s.chan().subList(1, s.chan().size()), Set.copyOf(lg)));
            }
        if (!s.holder().equals("none") && s.count().values().stream().anyMatch(x -> x > 0))
            add(out, Label.of("Reset"), new State(s.holder(), zero(), s.chan(), s.log()));
        if (!s.log().isEmpty()) add(out, Label.of("Reset"), new State(s.holder(), s.count(), s.chan(), Set.of()));
        for (List<String> e : s.log()) {
            Set<List<String>> lg = new java.util.HashSet<>(s.log());
            lg.remove(e);
            add(out, Label.of("Forget", CValue.seq(List.of(CValue.str(e.get(0)), CValue.str(e.get(1))))),
                    new State(s.holder(), s.count(), s.chan(), Set.copyOf(lg)));
        }
        return out;
    }

    private static void add(List<Step<State>> out, Label l, State next) {
        if (next.log().size() <= 3) out.add(new Step<>(l, next)); // MCConstraint
    }

    @Override
    public CValue canonical(State s) {
        TreeMap<CValue, CValue> count = new TreeMap<>();
        s.count().forEach((k, v) -> count.put(CValue.str(k), CValue.num(v)));
        List<CValue> chan = s.chan().stream()
                .map(m -> (CValue) CValue.rec("src", CValue.str(m.src()), "dst", CValue.str(m.dst()), "kind", CValue.str("token"))).toList();
        List<CValue> log = s.log().stream().map(p -> (CValue) CValue.seq(List.of(CValue.str(p.get(0)), CValue.str(p.get(1))))).toList();
        return CValue.rec("holder", CValue.str(s.holder()), "count", CValue.fun(count), "chan", CValue.seq(chan), "log", CValue.set(log));
    }
}
