package pcnref.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import pcnref.explore.ExploreResult;
import pcnref.explore.Explorer;
import pcnref.explore.Invariant;

/**
 * One named config of spec/pages explored by the Java reference, next to what TLC reported for it:
 * constants from the manifest's "constants" (else from the cfg), invariants and CHECK_DEADLOCK from
 * the cfg, TLC's figures from the manifest (absent: unknown, never invented).
 */
public record PageRun(String name, PageConfig config, List<String> invariantNames, boolean checkDeadlock,
                      Optional<PageManifest> manifest) {

    public static PageRun of(Path specDir, String name) {
        TlcCfg cfg = TlcCfg.load(specDir, name);
        Optional<PageManifest> m = Files.isRegularFile(specDir.resolve("manifest.json"))
                ? Optional.of(PageManifest.load(specDir)) : Optional.empty();
        PageConfig fromCfg = cfg.pageConfig();
        PageConfig pc = m.filter(x -> x.hasConfig(name) && x.hasConstants(name)).map(x -> x.pageConfig(name)).orElse(fromCfg);
        if (!pc.equals(fromCfg)) {
            throw new IllegalArgumentException(specDir.resolve("manifest.json") + ": constants of " + name + " differ from "
                    + cfg.file().getFileName() + " (" + pc + " vs " + fromCfg + ")");
        }
        return new PageRun(name, pc, cfg.invariants(), cfg.checkDeadlock(), m);
    }

    public PageModel model() {
        List<Invariant<Cluster>> invs = invariantNames.isEmpty() ? PageInvariants.all() : PageInvariants.named(invariantNames);
        return new PageModel(config, invs);
    }

    public ExploreResult<Cluster, PageStep> explore(java.io.PrintStream progress) {
        Explorer<Cluster, PageStep> e = new Explorer<>(model()).checkDeadlock(checkDeadlock);
        if (progress != null) e.progress(progress, 10);
        return e.run();
    }

    private boolean listed() {
        return manifest.isPresent() && manifest.get().hasConfig(name);
    }

    /** The manifest's "expected": "holds" or the violated invariant/property. */
    public Optional<String> tlcExpected() {
        return listed() ? manifest.get().expected(name) : Optional.empty();
    }

    /** Liveness cfgs check temporal properties too; the Java explorer checks only the state space and invariants. */
    public boolean liveness() {
        return listed() && manifest.get().mode(name).equals("liveness");
    }

    /** TLC's violated invariant, when the manifest says one is violated (a property name on a liveness cfg). */
    public Optional<String> tlcViolation() {
        return tlcExpected().filter(e -> !e.equals("holds"));
    }

    public OptionalLong tlcDistinct() {
        return listed() ? manifest.get().distinctStates(name) : OptionalLong.empty();
    }

    public OptionalLong tlcDepth() {
        return listed() ? manifest.get().depth(name) : OptionalLong.empty();
    }

    public OptionalLong tlcSeconds() {
        return listed() ? manifest.get().measuredSeconds(name) : OptionalLong.empty();
    }

    /**
     * Java's result against TLC's figures. Safety cfg that holds: distinct states and depth must be
     * equal. Safety cfg with a violation: the invariant and the counterexample length (BFS: both
     * shortest) must be equal; the distinct states seen before stopping depend on successor order and
     * are not compared. Liveness cfg: only the distinct states (the whole graph) compare.
     *
     * @param known false when the manifest has no figures for this config (nothing compared)
     */
    public record Comparison(boolean known, boolean agree, String summary) {
    }

    public Comparison compare(ExploreResult<Cluster, PageStep> r) {
        if (tlcDistinct().isEmpty() && tlcDepth().isEmpty()) {
            return new Comparison(false, r.violation().isEmpty(), "TLC (manifest): no figures for " + name + ": nothing compared");
        }
        String javaViolation = r.violation().map(c -> c.invariant()).orElse(null);
        long tlcD = tlcDistinct().orElse(-1), tlcDepth = tlcDepth().orElse(-1);
        String tlc = String.format("TLC (manifest): %,d distinct states, depth %d, %s", tlcD, tlcDepth, tlcExpected().orElse("?"));
        boolean distinctEq = tlcD == r.distinctStates();
        boolean depthEq = tlcDepth == r.depth();
        if (liveness()) {
            boolean ok = javaViolation == null && distinctEq;
            return new Comparison(true, ok, tlc + " (liveness cfg: temporal properties not checked by the Java explorer)\n"
                    + "distinct states " + (distinctEq ? "equal" : "DIFFER") + (ok ? ": Java and TLC agree" : ": Java and TLC DISAGREE"));
        }
        String tlcViolation = tlcViolation().orElse(null);
        boolean violationEq = java.util.Objects.equals(javaViolation, tlcViolation);
        boolean ok = violationEq && depthEq && (javaViolation != null || distinctEq);
        String what = (javaViolation == null ? "distinct states " + (distinctEq ? "equal" : "DIFFER") + ", depth "
                : "counterexample length ") + (depthEq ? "equal" : "DIFFERS") + ", violation " + (violationEq ? "equal" : "DIFFERS");
        return new Comparison(true, ok, tlc + "\n" + what + (ok ? ": Java and TLC agree" : ": Java and TLC DISAGREE"));
    }
}
