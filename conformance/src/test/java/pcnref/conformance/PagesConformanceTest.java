package pcnref.conformance;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The page protocol's spec and reference agree: equal state spaces on every ci-tier config without
 * SYMMETRY; seeded random walks on the deeper configs, each step checked by TLC; and a broken
 * handler is caught with a readable first difference.
 */
class PagesConformanceTest {

    static List<SpecConfig> configs() {
        return SpecConfig.readManifest(PagesReference.specDir());
    }

    /** ci-tier configs without SYMMETRY, one per distinct model (the liveness cfgs share one). */
    static Stream<SpecConfig> ciConfigs() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return configs().stream().filter(c -> c.tier().equals("ci") && !c.hasSymmetry() && seen.add(c.modelKey()));
    }

    /** Refuted configs with a long counterexample cost minutes in lockstep: -Pdeep. */
    static boolean quick(SpecConfig c) {
        return !c.refuted() || c.tlcDepth() <= 20;
    }

    @TestFactory
    Stream<DynamicTest> ciStateSpacesAreEqual() {
        return stateSpacesAreEqual(ciConfigs().filter(PagesConformanceTest::quick));
    }

    @Tag("deep")
    @TestFactory
    Stream<DynamicTest> slowCiStateSpacesAreEqual() {
        return stateSpacesAreEqual(ciConfigs().filter(c -> !quick(c)));
    }

    Stream<DynamicTest> stateSpacesAreEqual(Stream<SpecConfig> configs) {
        // Lockstep: the same equality as comparing both graphs in full (pcn conform does that), at
        // about half the cost, which matters on CI's 2 cores. A config TLC refutes (a bug switch on)
        // is compared up to its counterexample's length: its full space is deep-tier sized.
        return configs.map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long t0 = System.nanoTime();
            Lockstep.Result r = Conformance.lockstep(c, 2_000_000);
            System.out.printf("conformance %s%s: %d states, %d transitions, equal=%s, %.1f s%n", c.name(),
                    c.refuted() ? " (up to depth " + c.tlcDepth() + ")" : "", r.states(), r.transitions(), r.equal(),
                    (System.nanoTime() - t0) / 1e9);
            assertTrue(r.equal(), c.name() + ":\n" + r.firstDifference());
            long expected = c.completeDistinctStates();
            if (expected >= 0) assertEquals(expected, r.states(), c.name() + ": states reached vs the manifest's TLC count");
        }));
    }

    @Test
    void thereIsACiConfigToCheck() {
        assertTrue(ciConfigs().findAny().isPresent(), "no ci-tier config without SYMMETRY in the manifest");
    }

    /** The deepest config(s): seeded walks, every step checked against TLC's successors. */
    static Stream<SpecConfig> walkConfigs() {
        List<SpecConfig> deep = configs().stream().filter(c -> !c.tier().equals("ci")).toList();
        return (deep.isEmpty() ? ciConfigs().toList() : deep).stream();
    }

    /** CI: 2,000 checked steps on the deep config (the deep tier's other configs: -Pdeep). */
    @TestFactory
    Stream<DynamicTest> shortWalksOnTheDeepConfigAreSpecSteps() {
        List<SpecConfig> w = walkConfigs().toList();
        SpecConfig deep = w.stream().filter(c -> c.name().equals("deep")).findFirst().orElse(w.get(0));
        return Stream.of(deep).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Conformance.Outcome o = Conformance.walk(c, PagesReference.model(c), 42, 10, 200);
            assertTrue(o.walks().ok(), c.name() + ":\n" + o.walks().failure());
            assertEquals(2000, o.walks().steps());
        }));
    }

    @Tag("deep")
    @TestFactory
    Stream<DynamicTest> longWalksOnTheDeeperConfigsAreSpecSteps() {
        return walkConfigs().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (long seed = 1; seed <= 5; seed++) { // 5 x 10,000 checked steps
                Conformance.Outcome o = Conformance.walk(c, PagesReference.model(c), seed, 20, 500);
                assertTrue(o.walks().ok(), c.name() + ":\n" + o.walks().failure());
            }
        }));
    }
}
