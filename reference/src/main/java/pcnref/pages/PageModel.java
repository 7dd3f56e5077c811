package pcnref.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import pcnref.explore.Invariant;
import pcnref.explore.TransitionSystem;

/** The page protocol as a {@link TransitionSystem} for the explorer: Init, Next and the cfg's invariants. */
public final class PageModel implements TransitionSystem<Cluster, PageStep> {
    private final PageConfig cfg;
    private final List<Invariant<Cluster>> invariants;

    public PageModel(PageConfig cfg, List<Invariant<Cluster>> invariants) {
        this.cfg = cfg;
        this.invariants = List.copyOf(invariants);
    }

    public PageModel(PageConfig cfg) {
        this(cfg, PageInvariants.forConfig(cfg));
    }

    public PageConfig config() {
        return cfg;
    }

    @Override
    public List<Cluster> initStates() {
        return List.of(Cluster.init(cfg));
    }

    @Override
    public List<PageStep> enabled(Cluster s) {
        return s.enabledSteps();
    }

    @Override
    public Cluster apply(Cluster s, PageStep step) {
        return s.apply(step);
    }

    @Override
    public void successors(Cluster s, BiConsumer<PageStep, Cluster> sink) {
        PageServer.forEachSuccessor(s, sink);
    }

    @Override
    public List<Invariant<Cluster>> invariants() {
        return new ArrayList<>(invariants);
    }

    @Override
    public long fingerprint(Cluster s) {
        return s.fingerprint();
    }
}
