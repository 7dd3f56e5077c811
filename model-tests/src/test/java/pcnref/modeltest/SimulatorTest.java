package pcnref.modeltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pcnref.explore.Invariant;
import pcnref.explore.TransitionSystem;

class SimulatorTest {

    @Test
    void sameSeedSameRun() {
        Simulator<Integer, String> sim = new Simulator<>(new CounterMachine()).withMaxWalkSteps(50);
        SeedResult<Integer, String> a = sim.run(12345, 10_000);
        SeedResult<Integer, String> b = sim.run(12345, 10_000);
        assertEquals(a.steps(), b.steps());
        assertEquals(a.walks(), b.walks());
        SeedResult.Found<Integer, String> fa = a.found().orElseThrow();
        SeedResult.Found<Integer, String> fb = b.found().orElseThrow();
        assertEquals(fa.walk(), fb.walk());
        assertEquals(fa.original().labels(), fb.original().labels());
        // Another seed takes another path.
        assertTrue(!fa.original().labels().equals(sim.run(54321, 10_000).found().orElseThrow().original().labels()));
    }

    @Test
    void randomWalksOnTheCounterFindAndShrinkTheFailure() {
        Simulator<Integer, String> sim = new Simulator<>(new CounterMachine()).withMaxWalkSteps(200);
        int strictlyShorter = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SeedResult<Integer, String> r = sim.run(seed, 10_000);
            SeedResult.Found<Integer, String> f = r.found().orElseThrow(() -> new AssertionError("no failure found"));
            assertEquals("Below3", f.original().failure().orElseThrow().kind());
            assertEquals(List.of("Inc", "Inc", "Inc"), f.shrunk().walk().labels(), "seed " + seed);
            if (f.original().length() > 3) strictlyShorter++;
        }
        assertTrue(strictlyShorter >= 15, "most random failing walks are longer than the minimum: " + strictlyShorter);
    }

    @Test
    void weightsSteerTheWalk() {
        // Inc never chosen: the counter cannot reach 3 and the run passes its whole budget.
        Simulator<Integer, String> sim = new Simulator<>(new CounterMachine()).withMaxWalkSteps(100)
                .withWeights(l -> l.equals("Inc") ? 0 : 1);
        SeedResult<Integer, String> r = sim.run(3, 5_000);
        assertTrue(r.passed());
        assertEquals(5_000, r.steps());
        assertEquals(50, r.walks());
        assertEquals(1, r.distinctStates());
    }

    @Test
    void oracleAcceptsTheCorrectProtocol() {
        WriteThroughCaches m = new WriteThroughCaches(false);
        Simulator<WriteThroughCaches.State, String> sim = new Simulator<>(m).withMaxWalkSteps(500)
                .withOracle(new SequentialMemory<>(0, WriteThroughCaches.OBSERVER));
        for (long seed = 1; seed <= 5; seed++) {
            SeedResult<WriteThroughCaches.State, String> r = sim.run(seed, 5_000);
            assertTrue(r.passed(), "seed " + seed);
            assertEquals(5_000, r.steps());
            assertTrue(r.checked() > 500, "reads checked: " + r.checked());
        }
    }

    @Test
    void oracleFindsAndShrinksTheStaleRead() {
        Simulator<WriteThroughCaches.State, String> sim = new Simulator<>(new WriteThroughCaches(true))
                .withMaxWalkSteps(500).withOracle(new SequentialMemory<>(0, WriteThroughCaches.OBSERVER));
        for (long seed = 1; seed <= 10; seed++) {
            SeedResult.Found<WriteThroughCaches.State, String> f = sim.run(seed, 5_000).found().orElseThrow();
            assertEquals(SequentialMemory.STALE_READ, f.shrunk().walk().failure().orElseThrow().kind());
            List<String> min = f.shrunk().walk().labels();
            // Every minimal stale read: cache i gets a copy (Fill or Write), the other cache writes, i reads.
            assertEquals(3, min.size(), "seed " + seed + ": " + min);
            int i = min.get(2).charAt(5) - '0';
            assertEquals("Read(" + i + ")", min.get(2));
            assertEquals("Write(" + (1 - i) + ")", min.get(1));
            assertTrue(min.get(0).equals("Fill(" + i + ")") || min.get(0).equals("Write(" + i + ")"), min.toString());
        }
    }

    @Test
    void exceptionInTheModelIsAFailureKind() {
        TransitionSystem<Integer, String> throwing = new TransitionSystem<>() {
            public List<Integer> initStates() { return List.of(0); }
            public List<String> enabled(Integer x) { return List.of("Inc", "Boom"); }
            public Integer apply(Integer x, String s) {
                if (s.equals("Boom") && x >= 2) throw new IllegalStateException("BUG at " + x);
                return s.equals("Inc") ? x + 1 : x;
            }
            public List<Invariant<Integer>> invariants() { return List.of(); }
            public long fingerprint(Integer x) { return x; }
        };
        SeedResult<Integer, String> r = new Simulator<>(throwing).withMaxWalkSteps(100).run(1, 1_000);
        Shrunk<Integer, String> s = r.found().orElseThrow().shrunk();
        assertEquals("Exception(IllegalStateException)", s.walk().failure().orElseThrow().kind());
        assertEquals(List.of("Inc", "Inc", "Boom"), s.walk().labels());
    }

    @Test
    void shrinkRefusesAPassingWalk() {
        Simulator<Integer, String> sim = new Simulator<>(new CounterMachine());
        assertThrows(IllegalArgumentException.class, () -> sim.shrink(sim.replay(0, List.of("Inc"))));
    }

    record Node(String pte, int frame) {
    }

    record Cluster(Map<Integer, Node> nodes, Set<Integer> owners, int last) {
    }

    @Test
    void stateDiffNamesTheChangedFields() {
        Cluster a = new Cluster(Map.of(0, new Node("RW", 1), 1, new Node("NONE", -1)), Set.of(0), 1);
        Cluster b = new Cluster(Map.of(0, new Node("INV", 1), 1, new Node("RW", 1)), Set.of(1), 1);
        List<String> d = StateDiff.diff(a, b);
        assertTrue(d.contains("nodes[0].pte: RO -> INV".replace("RO", "RW")), d.toString());
        assertTrue(d.contains("nodes[1].pte: NONE -> RW"), d.toString());
        assertTrue(d.contains("nodes[1].frame: -1 -> 1"), d.toString());
        assertTrue(d.contains("owners: [0] -> [1]"), d.toString());
        assertEquals(4, d.size(), d.toString());
        assertEquals("(no change)", StateDiff.describe(a, a));
        // Vavr maps diff by key too.
        assertEquals(List.of("[2]: b -> c"),
                StateDiff.diff(io.vavr.collection.HashMap.of(1, "a", 2, "b"), io.vavr.collection.HashMap.of(1, "a", 2, "c")));
    }

    @Test
    void reportNumbersStepsAndShowsChanges() {
        Simulator<Integer, String> sim = new Simulator<>(new CounterMachine());
        String out = WalkReport.render(sim.replay(0, List.of("Inc", "Inc", "Inc")));
        assertTrue(out.contains("  1. Inc"), out);
        assertTrue(out.contains("state: 2 -> 3"), out);
        assertTrue(out.contains("=> Below3 after step 3"), out);
    }
}
