package pcnref.modeltest;

import io.vavr.collection.Vector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pcnref.pages.Cluster;
import pcnref.pages.PageConfig;
import pcnref.pages.PageModel;
import pcnref.pages.PageStep;

/**
 * The page protocol's random-walk configurations and the simulator over {@link PageModel} with the
 * sequential-memory oracle. The constants follow spec/pages/MCPageProtocol (Home tuples HomeCi,
 * HomeBug); walks use more accesses per thread and more values than the TLC cfgs, since they do not
 * enumerate the state space (more values make a stale read visible more often).
 */
public final class PageSimulation {
    private PageSimulation() {
    }

    /**
     * A named configuration.
     *
     * @param holds true when every walk is expected to pass (the kernel's normal paths), false for a
     *              bug config whose known violation the walks should find
     */
    public record Named(String name, PageConfig config, boolean holds, String description) {
    }

    private static final Vector<Integer> HOME_CI = Vector.of(0, 1, 1, 2);
    private static final Vector<Integer> HOME_BUG = Vector.of(0, 1, 2);
    /** Remote threads only: every futex op is forwarded. */
    private static final Vector<Integer> HOME_FWD = Vector.of(1, 1, 2);

    private static final Map<String, Named> CONFIGS = new LinkedHashMap<>();

    static {
        add("ci", cfg(HOME_CI, 2, 1, 0), true, "the TLC CI cfg (MCPageProtocol_ci.cfg): 1 access per thread, bugs off");
        add("fixed", cfg(HOME_CI, 4, 6, 0), true, "bugs off (B1, B3 fixed), no madvise; 6 accesses per thread, 4 values");
        add("asbuilt", cfg(HOME_CI, 4, 6, 0, "B1", "B3"), true,
                "as built (B1, B3 on), no madvise: the leak and the silent claim need a zap/release to show");
        add("b2o", cfg(HOME_BUG, 4, 4, 1, "B2o"), false, "B2: MADV_DONTNEED at the origin wipes the directory (SingleWriter, DataValue)");
        add("b2r", cfg(HOME_BUG, 4, 4, 1, "B1", "B2r"), false, "B2/B1: MADV_DONTNEED at a remote, forwarded later");
        add("b5", cfg(HOME_BUG, 4, 4, 1, "B5"), false, "B5: MADV_RELEASE at a remote, not coordinated");
        add("b6", cfg(HOME_BUG, 4, 4, 1, "B3", "B6"), false, "B6/B3: MADV_RELEASE at the origin");
        add("asbuilt-env", cfg(HOME_CI, 4, 4, 2, "B1", "B2o", "B2r", "B3", "B5", "B6"), false,
                "every as-built switch and up to 2 zap/release operations");
        add("futex", cfg(HOME_CI, 4, 6, 0, "FutexShared"), true,
                "origin thread runs shared FUTEX_WAITs with the WritePin fix (FP1 fixed), remotes read/write");
        add("fp1", cfg(HOME_CI, 4, 6, 0, "FP1", "FutexShared"), false,
                "FP1 as built (kmeans-1): a shared FUTEX_WAIT at the origin waits on its own pin (NoSelfWaitInv)");
        add("futex-fwd", cfg(HOME_CI, 4, 6, 0, "FutexShared", "FutexFwd", "FutexWake"), true,
                "shared FUTEX_WAIT/FUTEX_WAKE at the origin and forwarded from the remotes (run by their home tasks), "
                        + "WritePin fix, remotes read/write");
        add("fwd-private", cfg(HOME_CI, 4, 6, 0, "FP1", "FutexPrivate", "FutexFwd", "FutexWake"), true,
                "private FUTEX_WAIT/FUTEX_WAKE at the origin and forwarded, pin as built");
        add("fp1-fwd", cfg(HOME_FWD, 4, 6, 0, "FP1", "FutexShared", "FutexFwd"), false,
                "FP1 forwarded: no origin thread; a remote's shared FUTEX_WAIT run by its home task waits on the home "
                        + "task's own pin (NoSelfWaitInv)");
    }

    private static void add(String name, PageConfig c, boolean holds, String description) {
        CONFIGS.put(name, new Named(name, c, holds, description));
    }

    private static PageConfig cfg(Vector<Integer> home, int values, int accesses, int envOps, String... bugs) {
        return new PageConfig(3, home, values, accesses, 8, envOps, Set.of(bugs));
    }

    public static List<Named> configs() {
        return List.copyOf(CONFIGS.values());
    }

    /** The named config; IllegalArgumentException listing the names otherwise. */
    public static Named config(String name) {
        Named c = CONFIGS.get(name);
        if (c == null) throw new IllegalArgumentException("no page simulation config named '" + name + "' (known: "
                + String.join(", ", CONFIGS.keySet()) + ")");
        return c;
    }

    /** Random walks over the page model of {@code cfg}, its invariants and the {@link PageMemoryOracle}. */
    public static Simulator<Cluster, PageStep> simulator(PageConfig cfg) {
        return simulator(new PageModel(cfg));
    }

    /** The same over a given model (e.g. a TLC cfg's, with that cfg's invariants: {@code PageRun.model()}). */
    public static Simulator<Cluster, PageStep> simulator(PageModel model) {
        return new Simulator<>(model).withOracle(PageMemoryOracle.initial()).withMaxWalkSteps(2_000);
    }
}
