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
        PageConfig pc = m.filter(x -> x.hasConfig(name) && x.hasConstants(name)).map(x -> x.pageConfig(name)).orElse(cfg.pageConfig());
        if (!pc.equals(cfg.pageConfig())) {
            throw new IllegalArgumentException(specDir.resolve("manifest.json") + ": constants of " + name + " differ from "
                    + cfg.file().getFileName() + " (" + pc + " vs " + cfg.pageConfig() + ")");
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

    public OptionalLong tlcDistinct() {
        return listed() ? manifest.get().tlcFigure(name, PageManifest.DISTINCT) : OptionalLong.empty();
    }

    public OptionalLong tlcDepth() {
        return listed() ? manifest.get().tlcFigure(name, PageManifest.DEPTH) : OptionalLong.empty();
    }

    public Optional<String> tlcViolation() {
        return listed() ? manifest.get().tlcText(name, PageManifest.VIOLATION) : Optional.empty();
    }

    public OptionalLong tlcSeconds() {
        return listed() ? manifest.get().tlcFigure(name, PageManifest.SECONDS) : OptionalLong.empty();
    }
}
