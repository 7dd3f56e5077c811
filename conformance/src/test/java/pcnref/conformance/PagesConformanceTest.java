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

    static Stream<SpecConfig> ciConfigs() {
        return configs().stream().filter(c -> c.tier().equals("ci") && !c.hasSymmetry());
    }

    @TestFactory
    Stream<DynamicTest> ciStateSpacesAreEqual() {
        return ciConfigs().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Conformance.Outcome o = Conformance.check(c, PagesReference.model(c), 2_000_000);
            SpaceComparison.Result r = o.result();
            System.out.printf("conformance %s: TLC %d states %d transitions %.2fs, Java %d states %d transitions %.2fs%n",
                    c.name(), r.tlcStates(), r.tlcTransitions(), o.tlcSeconds(), r.javaStates(), r.javaTransitions(), o.javaSeconds());
            assertTrue(r.equal(), c.name() + ":\n" + r.firstDifference());
            long expected = c.longField("distinct_states", "distinctStates", "distinct");
            if (expected >= 0) assertEquals(expected, r.tlcStates(), c.name() + ": TLC's API count vs the manifest's TLC count");
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

    @TestFactory
    Stream<DynamicTest> shortWalksOnTheDeeperConfigsAreSpecSteps() {
        return walkConfigs().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Conformance.Outcome o = Conformance.walk(c, PagesReference.model(c), 42, 10, 200);
            assertTrue(o.walks().ok(), c.name() + ":\n" + o.walks().failure());
            assertEquals(2000, o.walks().steps());
        }));
    }

    @Tag("deep")
    @TestFactory
    Stream<DynamicTest> longWalksOnTheDeeperConfigsAreSpecSteps() {
        return walkConfigs().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (long seed = 1; seed <= 5; seed++) {
                Conformance.Outcome o = Conformance.walk(c, PagesReference.model(c), seed, 20, 500);
                assertTrue(o.walks().ok(), c.name() + ":\n" + o.walks().failure());
            }
        }));
    }
}
