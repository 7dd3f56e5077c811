package pcnref.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pcnref.explore.Counterexample;
import pcnref.explore.ExploreResult;

/**
 * The Java explorer on the spec's own cfgs, compared with the figures TLC recorded in
 * spec/pages/manifest.json. The spec folder is ../spec/pages, or -Dpcn.spec.dir=...; a config the
 * manifest does not list, or a checkout without the spec, skips the test (visibly).
 */
class PageConfigsTest {

    static PageRun run(String name) {
        String p = System.getProperty("pcn.spec.dir");
        Path d = p != null ? Path.of(p) : Path.of("..", "spec", "pages");
        assumeTrue(Files.isRegularFile(d.resolve("manifest.json")), "no spec manifest at " + d.toAbsolutePath());
        assumeTrue(Files.isRegularFile(d.resolve("MCPageProtocol_" + name + ".cfg")), "no cfg " + name);
        PageRun run = PageRun.of(d, name);
        assumeTrue(run.tlcDepth().isPresent() && run.tlcExpected().isPresent(), "manifest lists no TLC figures for " + name);
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci", "ci_follow", "B1fixed", "FP1_private", "FP1fixed"})
    void safeConfigsHaveTlcsDistinctStatesAndDepth(String name) {
        PageRun run = run(name);
        assertEquals("holds", run.tlcExpected().orElseThrow());
        ExploreResult<Cluster, PageStep> r = run.explore(null);
        assertTrue(r.complete());
        assertTrue(r.violation().isEmpty(), () -> r.violation().get().render(Cluster::toString));
        assertEquals(run.tlcDistinct().getAsLong(), r.distinctStates(), "distinct states of " + name);
        assertEquals(run.tlcDepth().getAsLong(), r.depth(), "depth of " + name);
        assertTrue(run.compare(r).agree(), run.compare(r).summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"B1", "B2o", "B2o_swmr", "B2r", "B3", "B5", "B6", "FP1"})
    void bugConfigsViolateTheNamedInvariantAtTlcsDepth(String name) {
        PageRun run = run(name);
        ExploreResult<Cluster, PageStep> r = run.explore(null);
        assertFalse(r.complete());
        Counterexample<Cluster, PageStep> c = r.violation().orElseThrow();
        assertEquals(run.tlcViolation().orElseThrow(), c.invariant(), name);
        assertEquals(run.tlcDepth().getAsLong(), c.length(), "counterexample length of " + name);
        // the trace replays: every step is enabled in its state and leads to the next
        for (int i = 0; i < c.labels().size(); i++) {
            assertEquals(c.states().get(i + 1), c.states().get(i).apply(c.labels().get(i)));
        }
        assertTrue(run.compare(r).agree(), run.compare(r).summary());
    }

    /** Liveness cfgs: the Java explorer checks no temporal property, but the state graph is TLC's. */
    @ParameterizedTest
    @ValueSource(strings = {"live", "live_faults_wf", "live_faults_sf", "FP1_private_live", "FP1fixed_live"})
    void livenessConfigsHaveTlcsStateGraph(String name) {
        PageRun run = run(name);
        assumeTrue(run.liveness());
        ExploreResult<Cluster, PageStep> r = run.explore(null);
        assertTrue(r.complete());
        assertEquals(run.tlcDistinct().getAsLong(), r.distinctStates(), "distinct states of " + name);
        assertTrue(run.compare(r).agree(), run.compare(r).summary());
    }

    /** The deep tier (./test.sh -Pdeep): close to a million states each. */
    @Tag("deep")
    @ParameterizedTest
    @ValueSource(strings = {"deep", "deep_acc2"})
    void deepConfigsHaveTlcsDistinctStatesAndDepth(String name) {
        safeConfigsHaveTlcsDistinctStatesAndDepth(name);
    }
}
