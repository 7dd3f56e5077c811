package pcnref.modeltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pcnref.pages.Cluster;
import pcnref.pages.PageStep;

/** Long walks (./test.sh -Pdeep): 10 seeds x 100,000 steps on each config that must hold. */
@Tag("deep")
class PageWalksDeepTest {

    @ParameterizedTest
    @ValueSource(strings = {"ci", "fixed", "asbuilt"})
    void normalPathsHoldOnLongWalks(String config) {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config(config).config());
        for (long s = 100; s < 110; s++) {
            long seed = s;
            SeedResult<Cluster, PageStep> r = sim.run(seed, 100_000);
            assertTrue(r.passed(), () -> config + " seed " + seed + " failed:\n"
                    + WalkReport.render(r.found().orElseThrow().shrunk().walk(), PageSnapshot::change));
            assertEquals(100_000, r.steps());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"b2o", "b2r", "b5", "b6", "asbuilt-env"})
    void everyBugConfigFailsAndShrinks(String config) {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config(config).config());
        for (long seed = 1; seed <= 10; seed++) {
            SeedResult.Found<Cluster, PageStep> f = sim.run(seed, 100_000).found()
                    .orElseThrow(() -> new AssertionError(config + ": no failure within 100,000 steps"));
            Replay<Cluster, PageStep> min = f.shrunk().walk();
            assertTrue(min.length() <= f.original().length());
            assertEquals(f.original().failure().orElseThrow().kind(), min.failure().orElseThrow().kind());
        }
    }
}
