package pcnref.modeltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import pcnref.pages.Cluster;
import pcnref.pages.PageConfig;
import pcnref.pages.PageModel;
import pcnref.pages.PageStep;

/**
 * Random walks over the page reference (pcnref.pages) with its invariants and the sequential-memory
 * oracle: configs of the kernel's normal paths must pass; the B2 zap config must fail, and the
 * failure must shrink.
 */
class PageWalksTest {
    private static final long STEPS = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"ci", "fixed", "asbuilt"})
    void normalPathsPassWithEveryReadChecked(String config) {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config(config).config());
        for (long s = 1; s <= 3; s++) {
            long seed = s;
            SeedResult<Cluster, PageStep> r = sim.run(seed, STEPS);
            assertTrue(r.passed(), () -> config + " seed " + seed + " failed:\n"
                    + WalkReport.render(r.found().orElseThrow().shrunk().walk(), PageSnapshot::change));
            assertEquals(STEPS, r.steps());
            assertTrue(r.checked() >= 100, "reads checked: " + r.checked());
            assertTrue(r.distinctStates() >= 1_000, "distinct states: " + r.distinctStates());
        }
    }

    @Test
    void futexWritePinWalksPass() {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config("futex").config());
        for (long seed = 1; seed <= 3; seed++) {
            SeedResult<Cluster, PageStep> r = sim.run(seed, STEPS);
            long s = seed;
            assertTrue(r.passed(), () -> "futex seed " + s + " failed:\n"
                    + WalkReport.render(r.found().orElseThrow().shrunk().walk(), PageSnapshot::change));
            assertEquals(STEPS, r.steps());
        }
    }

    @Test
    void walksCheckTheFaultHandleInvariants() {
        // issue 8: the holder/sleeper invariants are part of every walk's model (HoldersMatchPendingsInv
        // not with B1 on: the leaked handle keeps pendings 1 with no holder, by design)
        for (String config : List.of("ci", "fixed", "futex", "asbuilt", "b2o")) {
            PageConfig cfg = PageSimulation.config(config).config();
            List<String> names = new PageModel(cfg).invariants().stream().map(i -> i.name()).toList();
            assertTrue(names.containsAll(List.of("NoSelfWaitInv", "FollowerWakeableInv", "WaitsWakeableInv")), config + ": " + names);
            assertEquals(!cfg.bug("B1"), names.contains("HoldersMatchPendingsInv"), config + ": " + names);
        }
    }

    @Test
    void fp1WalksFindTheSelfWait() {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config("fp1").config());
        for (long seed = 1; seed <= 3; seed++) {
            SeedResult.Found<Cluster, PageStep> f = sim.run(seed, 20_000).found()
                    .orElseThrow(() -> new AssertionError("FP1: no failure within 20000 steps"));
            List<PageStep> min = f.shrunk().walk().labels();
            assertTrue(min.contains(PageStep.of(PageStep.Action.PageServerGetUserpage, 0)), min.toString());
            assertEquals(PageStep.Action.StartFaultHandling, min.get(min.size() - 1).kind(), min.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"futex-fwd", "fwd-private"})
    void forwardedFutexWalksPass(String config) {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config(config).config());
        for (long seed = 1; seed <= 3; seed++) {
            SeedResult<Cluster, PageStep> r = sim.run(seed, STEPS);
            long s = seed;
            assertTrue(r.passed(), () -> config + " seed " + s + " failed:\n"
                    + WalkReport.render(r.found().orElseThrow().shrunk().walk(), PageSnapshot::change));
            assertEquals(STEPS, r.steps());
        }
        // The walks run forwarded ops to their end: the home task answers and the remote returns.
        Set<PageStep.Action> seen = new java.util.HashSet<>();
        for (int k = 0; k < 5; k++) {
            sim.walk(Simulator.walkSeed(1, k), 2_000, new org.eclipse.collections.impl.set.mutable.primitive.LongHashSet())
                    .labels().forEach(l -> seen.add(l.kind()));
        }
        for (PageStep.Action a : List.of(PageStep.Action.ProcessServerDoFutexAtRemote, PageStep.Action.FutexWaitStart,
                PageStep.Action.FutexWakeStart, PageStep.Action.FutexWake, PageStep.Action.ProcessRemoteFutexRequest,
                PageStep.Action.RemoteFutexComplete)) {
            assertTrue(seen.contains(a), config + ": no " + a + " in 5 walks");
        }
    }

    @Test
    void fp1ForwardedWalksFindTheHomeTaskSelfWait() {
        PageSimulation.Named cfg = PageSimulation.config("fp1-fwd");
        int threads = cfg.config().threads();
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(cfg.config());
        for (long seed = 1; seed <= 3; seed++) {
            SeedResult.Found<Cluster, PageStep> f = sim.run(seed, 20_000).found()
                    .orElseThrow(() -> new AssertionError("FP1 forwarded: no failure within 20000 steps"));
            assertEquals("NoSelfWaitInv", f.original().failure().orElseThrow().kind());
            List<PageStep> min = f.shrunk().walk().labels();
            PageStep last = min.get(min.size() - 1);
            // the self-wait is the home task's own gup write fault (no origin thread exists)
            assertEquals(PageStep.Action.StartFaultHandling, last.kind(), min.toString());
            assertTrue(last.x() >= threads, "not a home task: " + last);
            assertTrue(min.stream().anyMatch(l -> l.kind() == PageStep.Action.ProcessServerDoFutexAtRemote), min.toString());
            assertTrue(min.contains(PageStep.of(PageStep.Action.PageServerGetUserpage, last.x())), min.toString());
        }
    }

    @Test
    void theOracleReallyCompares() {
        // The same walks against a memory that starts at 1 instead of 0: the first read of a
        // zero-filled page must be reported.
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config("fixed").config())
                .withOracle(new PageMemoryOracle(Set.of(1), Map.of()));
        Replay<Cluster, PageStep> w = sim.run(1, STEPS).found().orElseThrow().shrunk().walk();
        assertEquals(SequentialMemory.STALE_READ, w.failure().orElseThrow().kind());
        assertEquals(PageStep.Action.UserRead, w.labels().get(w.length() - 1).kind());
    }

    @Test
    void sameSeedSameWalks() {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config("b2o").config());
        SeedResult<Cluster, PageStep> a = sim.run(4, STEPS), b = sim.run(4, STEPS);
        assertEquals(a.steps(), b.steps());
        assertEquals(a.found().orElseThrow().original().labels(), b.found().orElseThrow().original().labels());
        assertEquals(a.found().orElseThrow().shrunk().walk().labels(), b.found().orElseThrow().shrunk().walk().labels());
    }

    @Test
    void zapBugIsFoundAndShrunk() {
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config("b2o").config());
        for (long seed = 1; seed <= 5; seed++) {
            SeedResult.Found<Cluster, PageStep> f = sim.run(seed, 20_000).found()
                    .orElseThrow(() -> new AssertionError("B2o: no failure within 20000 steps"));
            assertShrunk(sim, f, seed);
            assertTrue(f.shrunk().walk().labels().contains(PageStep.of(PageStep.Action.ZapOrigin)),
                    "the B2o failure needs the zap");
        }
    }

    @Test
    void oracleAloneFindsTheStaleReadOfTheZapBug() {
        // Invariants off: the sequential-memory oracle must see B2 by itself (a node keeps reading
        // its old copy after MADV_DONTNEED zeroed the page, or the origin's fresh zeros while a
        // remote holds the data).
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(PageSimulation.config("b2o").config()).withInvariants(false);
        for (long seed = 1; seed <= 3; seed++) {
            SeedResult.Found<Cluster, PageStep> f = sim.run(seed, 20_000).found()
                    .orElseThrow(() -> new AssertionError("B2o: the oracle found nothing within 20000 steps"));
            assertEquals(SequentialMemory.STALE_READ, f.original().failure().orElseThrow().kind());
            assertShrunk(sim, f, seed);
            List<PageStep> min = f.shrunk().walk().labels();
            assertEquals(PageStep.Action.UserRead, min.get(min.size() - 1).kind());
            assertTrue(min.contains(PageStep.of(PageStep.Action.ZapOrigin)));
            String report = WalkReport.render(f.shrunk().walk(), PageSnapshot::change);
            assertTrue(report.contains("ZapOrigin") && report.contains("pte[0]: ") && report.contains("=> StaleRead"), report);
        }
    }

    private static void assertShrunk(Simulator<Cluster, PageStep> sim, SeedResult.Found<Cluster, PageStep> f, long seed) {
        String kind = f.original().failure().orElseThrow().kind();
        Replay<Cluster, PageStep> min = f.shrunk().walk();
        assertTrue(min.length() < f.original().length(),
                "seed " + seed + ": shrunk " + min.length() + " not shorter than " + f.original().length());
        // Replayed from scratch, the shrunk step list still fails the same way, at its last step.
        Replay<Cluster, PageStep> again = sim.replay(f.original().states().get(0), min.labels());
        assertEquals(kind, again.failure().orElseThrow().kind());
        assertEquals(min.labels(), again.labels());
        assertEquals(min.length(), again.failure().orElseThrow().step());
    }
}
