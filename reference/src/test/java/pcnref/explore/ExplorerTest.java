package pcnref.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorerTest {

    /** Two counters x, y in 0..max; steps "x+1", "y+1", "reset". Distinct states (max+1)^2, levels 2*max+1. */
    record Grid(int max, int bad) implements TransitionSystem<int[], String> {
        public List<int[]> initStates() { return List.of(new int[] {0, 0}); }
        public List<String> enabled(int[] s) {
            List<String> l = new ArrayList<>();
            if (s[0] < max) l.add("IncX");
            if (s[1] < max) l.add("IncY");
            l.add("Reset");
            return l;
        }
        public int[] apply(int[] s, String step) {
            return switch (step) {
                case "IncX" -> new int[] {s[0] + 1, s[1]};
                case "IncY" -> new int[] {s[0], s[1] + 1};
                default -> new int[] {0, 0};
            };
        }
        public List<Invariant<int[]>> invariants() {
            return List.of(new Invariant<>("SumBelowBad", s -> s[0] + s[1] < bad));
        }
        public long fingerprint(int[] s) { return s[0] * 1000L + s[1]; }
    }

    /** Grid(1) without Reset: (1,1) has no successor. */
    static final class NoReset implements TransitionSystem<int[], String> {
        private final Grid g = new Grid(1, 100);
        public List<int[]> initStates() { return g.initStates(); }
        public List<String> enabled(int[] s) { return g.enabled(s).stream().filter(x -> !x.equals("Reset")).toList(); }
        public int[] apply(int[] s, String step) { return g.apply(s, step); }
        public List<Invariant<int[]>> invariants() { return List.of(); }
        public long fingerprint(int[] s) { return g.fingerprint(s); }
    }

    @Test
    void countsDistinctStatesAndLevelsLikeTlc() {
        ExploreResult<int[], String> r = new Explorer<>(new Grid(3, 100)).run();
        assertTrue(r.complete());
        assertEquals(16, r.distinctStates());
        assertEquals(7, r.depth()); // (0,0) is level 1, (3,3) level 7
        assertEquals(1 + 16 + 12 + 12, r.statesGenerated()); // init + Reset everywhere + IncX/IncY below max
    }

    /** Grid with x and y interchangeable (TLC's SYMMETRY): states count once per orbit. */
    static final class SymmetricGrid implements TransitionSystem<int[], String> {
        private final Grid g;

        SymmetricGrid(int max, int bad) {
            g = new Grid(max, bad);
        }

        public List<int[]> initStates() { return g.initStates(); }
        public List<String> enabled(int[] s) { return g.enabled(s); }
        public int[] apply(int[] s, String step) { return g.apply(s, step); }
        public List<Invariant<int[]>> invariants() { return g.invariants(); }
        public long fingerprint(int[] s) { return g.fingerprint(s); }
        @Override
        public long canonicalFingerprint(int[] s) {
            return Math.min(g.fingerprint(s), g.fingerprint(new int[] {s[1], s[0]}));
        }
    }

    @Test
    void symmetryCountsOrbits() {
        ExploreResult<int[], String> r = new Explorer<>(new SymmetricGrid(3, 100)).run();
        assertEquals(10, r.distinctStates()); // pairs x <= y in 0..3
        assertEquals(7, r.depth());
        Counterexample<int[], String> c = new Explorer<>(new SymmetricGrid(3, 3)).run().violation().orElseThrow();
        assertEquals(4, c.length());
    }

    @Test
    void violationGivesShortestCounterexample() {
        ExploreResult<int[], String> r = new Explorer<>(new Grid(3, 3)).run();
        assertFalse(r.complete());
        Counterexample<int[], String> c = r.violation().orElseThrow();
        assertEquals("SumBelowBad", c.invariant());
        assertEquals(4, c.length()); // three increments
        assertEquals(4, r.depth());
        int[] last = c.states().get(3);
        assertEquals(3, last[0] + last[1]);
        assertEquals(3, c.labels().size());
    }

    @Test
    void deadlockIsReportedWhenAsked() {
        // Grid always has Reset enabled: no deadlock.
        assertTrue(new Explorer<>(new Grid(1, 100)).checkDeadlock(true).run().complete());
        ExploreResult<int[], String> r = new Explorer<>(new NoReset()).checkDeadlock(true).run();
        assertEquals("Deadlock", r.violation().orElseThrow().invariant());
        assertEquals(3, r.violation().orElseThrow().length()); // (0,0) -> (1,0) -> (1,1)
    }
}
