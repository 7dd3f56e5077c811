package pcnref.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One model configuration of a spec folder, as listed in its {@code manifest.json}: name, cfg file,
 * MC module, tier ("ci", "deep", ...) and the constants (the JSON node, read by the reference's
 * adapter). Whether it uses SYMMETRY is read from the cfg itself, the source of truth for TLC.
 */
public record SpecConfig(Path specDir, String name, String cfg, String module, String tier, JsonNode constants,
                         JsonNode entry) {

    private static final Pattern SYMMETRY = Pattern.compile("(?m)^\\s*SYMMETRY\\b");

    public Path cfgPath() {
        return specDir.resolve(cfg);
    }

    /** True when the cfg declares a SYMMETRY set (TLC then counts orbits, not states). */
    public boolean hasSymmetry() {
        try {
            String text = Files.readString(cfgPath());
            return SYMMETRY.matcher(text.replaceAll("\\\\\\*.*", "")).find();
        } catch (IOException e) {
            throw new IllegalArgumentException(cfgPath() + ": cannot read: " + e.getMessage());
        }
    }

    /** TLC's distinct-state count recorded in the manifest for this config, or -1. */
    public long tlcDistinctStates() {
        JsonNode tlc = entry.get("tlc");
        if (tlc != null && tlc.isObject()) {
            for (String n : new String[] {"distinct", "distinct_states", "distinctStates"}) {
                JsonNode v = tlc.get(n);
                if (v != null && v.canConvertToLong()) return v.asLong();
            }
        }
        return longField("distinct_states", "distinctStates", "distinct");
    }

    /** An integer field of the manifest entry (e.g. the expected distinct states), or -1. */
    public long longField(String... names) {
        for (String n : names) {
            JsonNode v = entry.get(n);
            if (v != null && v.canConvertToLong()) return v.asLong();
        }
        return -1;
    }

    /**
     * Reads {@code specDir/manifest.json}. Accepted shapes: {@code {"configs": [ {...}, ... ]}},
     * {@code {"configs": {"name": {...}}}} or a top-level array; each entry names its cfg in "cfg"
     * (or "config"/"file"), optionally "name", "module" (default: the cfg's MC module, found as
     * {@code MC*.tla} in the folder), "tier" and "constants".
     */
    public static List<SpecConfig> readManifest(Path specDir) {
        Path file = specDir.resolve("manifest.json");
        if (!Files.exists(file)) return fromCfgFiles(specDir);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + oneLine(e.getMessage()));
        }
        JsonNode configs = root.isArray() ? root : root.get("configs");
        if (configs == null) throw new IllegalArgumentException(file + ": no \"configs\"");
        String defaultModule = root.hasNonNull("module") ? root.get("module").asText() : findMcModule(specDir);
        List<SpecConfig> out = new ArrayList<>();
        if (configs.isArray()) {
            for (JsonNode c : configs) out.add(of(specDir, file, null, c, defaultModule));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = configs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(of(specDir, file, e.getKey(), e.getValue(), defaultModule));
            }
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
                String base = f.substring(0, f.length() - 4);
                int u = base.indexOf('_');
                if (u < 0) continue;
                String module = base.substring(0, u), name = base.substring(u + 1);
                if (!Files.exists(specDir.resolve(module + ".tla"))) continue;
                out.add(new SpecConfig(specDir, name, f, module, name, null, new ObjectMapper().createObjectNode()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(specDir + ": " + oneLine(e.getMessage()));
        }
        return out;
    }

    private static SpecConfig of(Path dir, Path file, String key, JsonNode c, String defaultModule) {
        String cfg = text(c, "cfg", "config", "file");
        if (cfg == null) throw new IllegalArgumentException(file + ": config " + (key != null ? key : c) + " names no cfg file");
        if (!cfg.endsWith(".cfg")) cfg = cfg + ".cfg";
        String name = text(c, "name");
        if (name == null) name = key != null ? key : cfg.substring(0, cfg.length() - 4);
        String module = text(c, "module", "spec");
        if (module == null) module = defaultModule;
        if (module != null && module.endsWith(".tla")) module = module.substring(0, module.length() - 4);
        String tier = text(c, "tier");
        return new SpecConfig(dir, name, cfg, module, tier == null ? "" : tier, c.get("constants"), c);
    }

    private static String text(JsonNode c, String... names) {
        for (String n : names) if (c.hasNonNull(n) && c.get(n).isTextual()) return c.get(n).asText();
        return null;
    }

    private static String findMcModule(Path dir) {
        try (var s = Files.list(dir)) {
            List<String> mcs = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("MC") && n.endsWith(".tla")).sorted().toList();
            return mcs.isEmpty() ? null : mcs.get(0).substring(0, mcs.get(0).length() - 4);
        } catch (IOException e) {
            return null;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
