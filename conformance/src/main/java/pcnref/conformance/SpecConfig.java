package pcnref.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pcnref.pages.TlcCfg;
import pcnref.spec.Manifest;
import pcnref.spec.ManifestEntry;

/**
 * One model configuration of a spec folder, as listed in its {@code manifest.json} (read by
 * {@link Manifest}): short name ({@code ci} for {@code MCPageProtocol_ci.cfg}), cfg file, MC module,
 * tier, what TLC must find ("holds" or the violated invariant), constants and TLC's distinct-state
 * count and depth (for a violation: the states TLC had seen when it stopped, the counterexample's length). Whether it uses SYMMETRY is read from the cfg
 * itself, the source of truth for TLC.
 */
public record SpecConfig(Path specDir, String name, String cfg, String module, String tier, String expected,
                         JsonNode constants, long tlcDistinctStates, int tlcDepth) {

    public Path cfgPath() {
        return specDir.resolve(cfg);
    }

    /** TLC's count of the whole reachable space, if the manifest has it (only when the model holds). */
    public long completeDistinctStates() {
        return "holds".equals(expected) ? tlcDistinctStates : -1;
    }

    /** TLC refutes this model: the conformance check then covers the space up to the counterexample's length. */
    public boolean refuted() {
        return !"holds".equals(expected);
    }

    /**
     * Configs with the same key have the same Init, Next and constants (they differ only in the
     * properties TLC checks, e.g. the liveness cfgs), hence the same state space to compare.
     */
    public String modelKey() {
        return module + " " + (constants == null ? cfg : constants.toString()) + (refuted() ? " depth " + tlcDepth : "");
    }

    /** True for its short name, its cfg file name or the cfg name without ".cfg". */
    public boolean isNamed(String n) {
        return name.equals(n) || cfg.equals(n) || cfg.equals(n + ".cfg");
    }

    /** True when the cfg declares a SYMMETRY set (TLC then counts orbits, not states). */
    public boolean hasSymmetry() {
        return TlcCfg.read(cfgPath()).symmetry().isPresent();
    }

    /** The configs of {@code specDir/manifest.json}; without a manifest, the folder's MC cfgs. */
    public static List<SpecConfig> readManifest(Path specDir) {
        Path file = specDir.resolve("manifest.json");
        if (!Files.exists(file)) return fromCfgFiles(specDir);
        Manifest m = Manifest.load(file);
        String module = strip(m.module(), ".tla");
        List<SpecConfig> out = new ArrayList<>();
        for (ManifestEntry e : m.entries()) {
            String base = strip(e.file(), ".cfg");
            String mod = module.isEmpty() ? base.substring(0, Math.max(0, base.indexOf('_'))) : module;
            String shortName = base.startsWith(mod + "_") ? base.substring(mod.length() + 1) : base;
            out.add(new SpecConfig(specDir, shortName, e.file(), mod, e.tier(), e.expected(), e.constants(), e.distinctStates(), e.depth()));
        }
        return out;
    }

    /**
     * Without a manifest: every {@code MC<Spec>_<name>.cfg} of the folder, named and tiered by
     * {@code <name>} (so {@code MCPageProtocol_ci.cfg} is config "ci" of tier "ci").
     */
    static List<SpecConfig> fromCfgFiles(Path specDir) {
        if (!Files.isDirectory(specDir)) throw new IllegalArgumentException(specDir + ": no such spec folder");
        List<SpecConfig> out = new ArrayList<>();
        try (var s = Files.list(specDir)) {
            for (String f : s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("MC") && n.endsWith(".cfg")).sorted().toList()) {
                String base = strip(f, ".cfg");
                int u = base.indexOf('_');
                if (u < 0) continue;
                String module = base.substring(0, u), name = base.substring(u + 1);
                if (!Files.exists(specDir.resolve(module + ".tla"))) continue;
                out.add(new SpecConfig(specDir, name, f, module, name, "holds", null, -1, -1));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(specDir + ": " + e.getMessage());
        }
        return out;
    }

    private static String strip(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
