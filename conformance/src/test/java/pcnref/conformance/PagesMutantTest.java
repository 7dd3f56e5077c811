package pcnref.conformance;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import pcnref.pages.PageConfig;

/**
 * A reference with a broken handler is caught, and the first difference names the state, the step
 * and both successors. Run in lockstep (it stops at the first difference), so it costs seconds.
 */
class PagesMutantTest {

    static SpecConfig ci() {
        return PagesConformanceTest.ciConfigs().findFirst().orElseThrow();
    }

    @Test
    void fetchThatLosesItsEffectIsCaught() {
        SpecConfig c = ci();
        TlcStateSpace tlc = TlcStateSpace.load(c.specDir(), c.module(), c.cfg());
        PageConfig cfg = PagesReference.pageConfig(tlc, c);
        Lockstep.Result r = Lockstep.run(tlc, Mutants.lostEffect(PagesReference.model(cfg), "FetchPageFromOrigin"), 200_000);
        System.out.println("mutant FetchPageFromOrigin (lost effect):\n" + r.firstDifference());
        assertFalse(r.equal());
        String d = r.firstDifference();
        assertTrue(d.startsWith("first difference after "), d);
        assertTrue(d.contains("step FetchPageFromOrigin("), d);
        assertTrue(d.contains("TLC  successor: [") && d.contains("Java successor: ["), d);
        assertTrue(d.contains("differs in "), d);
    }
}
