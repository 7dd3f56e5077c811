package pcnref.conformance;

import io.vavr.collection.Vector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import pcnref.canon.CValue;
import pcnref.pages.Cluster;
import pcnref.pages.PageConfig;
import pcnref.pages.PageModel;
import pcnref.pages.PageStep;

/**
 * The page protocol's two sides: the spec folder, and the reference ({@link PageModel} over
 * {@link Cluster}) configured for one cfg. The reference's constants are read from the cfg through
 * TLC (N, Home, NumValues, MaxAccesses, MaxFollowers, MaxEnvOps, Bugs), so both sides are built
 * from the very same model, whatever the manifest says.
 */
public final class PagesReference {
    private PagesReference() {}

    /** spec/pages under the pcn-ref home ({@code -Dpcn.home}, else the working directory or its parent). */
    public static Path specDir() {
        String home = System.getProperty("pcn.home");
        if (home != null) return Path.of(home, "spec", "pages");
        Path here = Path.of("spec", "pages");
        return here.toFile().isDirectory() ? here : Path.of("..", "spec", "pages");
    }

    /** The reference's configuration for a cfg, its constants evaluated by TLC. */
    public static PageConfig pageConfig(SpecConfig config) {
        TlcStateSpace tlc = TlcStateSpace.load(config.specDir(), config.module(), config.cfg());
        return pageConfig(tlc, config);
    }

    public static PageConfig pageConfig(TlcStateSpace tlc, SpecConfig config) {
        try {
            List<Integer> home = new ArrayList<>();
            for (CValue v : ((CValue.CSeq) tlc.constant("Home")).elems()) home.add((int) ((CValue.CInt) v).value());
            TreeSet<String> bugs = new TreeSet<>();
            CValue b = tlc.constant("Bugs");
            if (b instanceof CValue.CSet set) for (CValue v : set.elems()) bugs.add(((CValue.CStr) v).value());
            return new PageConfig(intConst(tlc, "N"), Vector.ofAll(home), intConst(tlc, "NumValues"), intConst(tlc, "MaxAccesses"),
                    intConst(tlc, "MaxFollowers"), intConst(tlc, "MaxEnvOps"), bugs);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException(config.cfgPath() + ": constants do not fit the page reference: " + e.getMessage());
        }
    }

    private static int intConst(TlcStateSpace tlc, String name) {
        return (int) ((CValue.CInt) tlc.constant(name)).value();
    }

    /** The reference as the explorer runs it (invariants included), for one config. */
    public static PageModel system(SpecConfig config) {
        return new PageModel(pageConfig(config));
    }

    /** The reference for one config, as the conformance checker sees it. */
    public static ReferenceModel<Cluster> model(SpecConfig config) {
        return model(pageConfig(config));
    }

    public static ReferenceModel<Cluster> model(PageConfig cfg) {
        return new TransitionSystemModel<>(new PageModel(cfg), PagesReference::label, Cluster::toCanonical);
    }

    static Label label(PageStep step) {
        return new Label(step.action(), step.params());
    }
}
