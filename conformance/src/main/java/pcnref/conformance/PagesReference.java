package pcnref.conformance;

import java.nio.file.Path;

/** The page protocol's two sides: the spec folder and the reference adapted to {@link ReferenceModel}. */
public final class PagesReference {
    private PagesReference() {}

    /** spec/pages under the pcn-ref home ({@code -Dpcn.home}, else the working directory or its parent). */
    public static Path specDir() {
        String home = System.getProperty("pcn.home");
        if (home != null) return Path.of(home, "spec", "pages");
        Path here = Path.of("spec", "pages");
        return here.toFile().isDirectory() ? here : Path.of("..", "spec", "pages");
    }

    /** The reference as the explorer runs it (symmetry and constraint included), for one config. */
    public static pcnref.explore.TransitionSystem<?, ?> system(SpecConfig config) {
        throw new IllegalStateException("the page protocol reference (pcnref.pages) is not merged yet");
    }

    /** The reference for one config of the manifest. */
    public static ReferenceModel<?> model(SpecConfig config) {
        throw new IllegalStateException("the page protocol reference (pcnref.pages) is not merged yet");
    }
}
