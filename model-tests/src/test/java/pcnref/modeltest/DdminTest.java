package pcnref.modeltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DdminTest {

    private static <T> Ddmin.Result<T> ddmin(List<T> in, Predicate<List<T>> fails) {
        return Ddmin.minimize(in, c -> fails.test(c) ? Optional.of(c) : Optional.empty());
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void findsASingleCulprit() {
        assertEquals(List.of(57), ddmin(range(100), c -> c.contains(57)).minimal());
    }

    @Test
    void findsTwoSeparatedCulprits() {
        Ddmin.Result<Integer> r = ddmin(range(100), c -> c.contains(3) && c.contains(71));
        assertEquals(List.of(3, 71), r.minimal());
        assertTrue(r.tests() < 100, "ddmin should need far fewer than n^2 tests here, took " + r.tests());
    }

    @Test
    void emptySequenceWhenNothingIsNeeded() {
        assertEquals(List.of(), ddmin(range(10), c -> true).minimal());
    }

    @Test
    void resultIsOneMinimal() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            List<Integer> in = IntStream.range(0, 40).map(i -> rng.nextInt(10)).boxed().toList();
            Predicate<List<Integer>> fails = c -> c.stream().mapToInt(Integer::intValue).sum() >= 60;
            if (!fails.test(in)) continue;
            List<Integer> min = ddmin(in, fails).minimal();
            assertTrue(fails.test(min));
            for (int i = 0; i < min.size(); i++) {
                List<Integer> less = new ArrayList<>(min);
                less.remove(i);
                assertFalse(fails.test(less), "removing element " + i + " of " + min + " still fails");
            }
        }
    }

    @Test
    void counterMachineShrinksToThreeIncrements() {
        Simulator<Integer, String> sim = new Simulator<>(new CounterMachine());
        List<String> steps = List.of("Noop", "Inc", "Reset", "Inc", "Noop", "Inc", "Dec", "Inc", "Noop", "Inc", "Noop");
        Replay<Integer, String> original = sim.replay(0, steps);
        assertEquals("Below3", original.failure().orElseThrow().kind());
        assertEquals(10, original.length()); // the trailing Noop is never reached
        Shrunk<Integer, String> s = sim.shrink(original);
        assertEquals(List.of("Inc", "Inc", "Inc"), s.walk().labels());
        assertEquals(10, s.originalLength());
        assertEquals(List.of(0, 1, 2, 3), s.walk().states());
    }

    @Test
    void replaySkipsStepsThatAreNoLongerEnabled() {
        Simulator<Integer, String> sim = new Simulator<>(new Combination());
        // C right after X is disabled (progress 0): the replay skips it.
        Replay<Integer, String> r = sim.replay(0, List.of("A", "X", "C", "A", "Y", "B", "C"));
        assertEquals(List.of("A", "X", "A", "Y", "B", "C"), r.labels());
        assertEquals("Locked", r.failure().orElseThrow().kind());
        Shrunk<Integer, String> s = sim.shrink(r);
        assertEquals(List.of("A", "B", "C"), s.walk().labels());
    }
}
