package pcnref.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pcnref.explore.Counterexample;
import pcnref.explore.ExploreResult;

/**
 * The Java explorer on the spec's own cfgs, compared with TLC's figures: the manifest's
 * (spec/pages/manifest.json) when it lists the config, else the figures TLC 2.18 printed for the
 * same cfg (-workers 1, 2026-11-27, spec commit 329db8e), kept below as a fallback.
 * The spec folder is ../spec/pages, or -Dpcn.spec.dir=...; without it the tests are skipped (visibly).
 */
class PageConfigsTest {

    /** TLC's figures: distinct states (complete runs) or the violated invariant, and the depth. */
    record Tlc(long distinct, int depth, String violation) {
    }

    static final Map<String, Tlc> TLC_PRINTED = Map.of(
            "ci", new Tlc(43_246, 57, null),
            "ci_follow", new Tlc(33_396, 76, null),
            "B1", new Tlc(-1, 25, "HandlesReleasedInv"),
            "B2o", new Tlc(-1, 10, "DataValueInv"),
            "B2r", new Tlc(-1, 17, "NoInvalidActionInv"),
            "B3", new Tlc(-1, 15, "WaitCountMatchesInv"),
            "B5", new Tlc(-1, 15, "DirectorySoundInv"),
            "B6", new Tlc(-1, 15, "NoInvalidActionInv"));

    static Path specDir() {
        String p = System.getProperty("pcn.spec.dir");
        Path d = p != null ? Path.of(p) : Path.of("..", "spec", "pages");
        assumeTrue(Files.isRegularFile(d.resolve("PageProtocol.tla")), "no spec at " + d.toAbsolutePath() + " (set -Dpcn.spec.dir)");
        return d;
    }

    static Tlc expected(PageRun run) {
        if (run.tlcDepth().isPresent()) {
            return new Tlc(run.tlcViolation().isPresent() ? -1 : run.tlcDistinct().orElse(-1),
                    (int) run.tlcDepth().getAsLong(), run.tlcViolation().orElse(null));
        }
        Tlc t = TLC_PRINTED.get(run.name());
        assumeTrue(t != null, "no TLC figures for " + run.name());
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci", "ci_follow"})
    void completeConfigsHaveTlcsDistinctStatesAndDepth(String name) {
        PageRun run = PageRun.of(specDir(), name);
        Tlc tlc = expected(run);
        ExploreResult<Cluster, PageStep> r = run.explore(null);
        assertTrue(r.complete());
        assertTrue(r.violation().isEmpty(), () -> r.violation().get().render(Cluster::toString));
        assertEquals(tlc.distinct(), r.distinctStates(), "distinct states of " + name);
        assertEquals(tlc.depth(), r.depth(), "depth of " + name);
        assertTrue(run.compare(r).agree(), run.compare(r).summary());
    }

    /** Liveness cfgs: the Java explorer checks no temporal property, but the state graph is TLC's. */
    @ParameterizedTest
    @ValueSource(strings = {"live_waits", "live_faults_wf"})
    void livenessConfigsHaveTlcsStateGraph(String name) {
        PageRun run = PageRun.of(specDir(), name);
        assumeTrue(run.liveness() && run.tlcDistinct().isPresent(), "manifest lists no liveness figures for " + name);
        ExploreResult<Cluster, PageStep> r = run.explore(null);
        assertTrue(r.complete());
        assertEquals(run.tlcDistinct().getAsLong(), r.distinctStates(), "distinct states of " + name);
        assertTrue(run.compare(r).agree(), run.compare(r).summary());
    }

    /** The deep tier (./test.sh -Pdeep): about a million states each. */
    @Tag("deep")
    @ParameterizedTest
    @ValueSource(strings = {"deep", "B1fixed", "deep_acc2"})
    void deepConfigsHaveTlcsDistinctStatesAndDepth(String name) {
        PageRun run = PageRun.of(specDir(), name);
        assumeTrue(run.tlcDistinct().isPresent(), "manifest lists no figures for " + name);
        ExploreResult<Cluster, PageStep> r = run.explore(null);
        assertTrue(r.violation().isEmpty(), () -> r.violation().get().render(Cluster::toString));
        assertEquals(run.tlcDistinct().getAsLong(), r.distinctStates(), "distinct states of " + name);
        assertEquals(run.tlcDepth().getAsLong(), r.depth(), "depth of " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"B1", "B2o", "B2r", "B3", "B5", "B6"})
    void bugConfigsViolateTheNamedInvariantAtTlcsDepth(String name) {
        PageRun run = PageRun.of(specDir(), name);
        Tlc tlc = expected(run);
        ExploreResult<Cluster, PageStep> r = run.explore(null);
        assertFalse(r.complete());
        Counterexample<Cluster, PageStep> c = r.violation().orElseThrow();
        assertEquals(tlc.violation(), c.invariant(), name);
        assertEquals(tlc.depth(), c.length(), "trace length of " + name);
        // the trace replays: every step is enabled in its state and leads to the next
        for (int i = 0; i < c.labels().size(); i++) {
            assertEquals(c.states().get(i + 1), c.states().get(i).apply(c.labels().get(i)));
        }
        assertTrue(run.compare(r).agree(), run.compare(r).summary());
    }
}
