package pcnref.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Reads spec/pages/manifest.json (written by the spec's owner): per config its TLC "constants" and
 * the figures TLC reported. The Java model is built from the same constants, so
 * {@code --config ci} explores the same model as TLC's CI cfg. A tuple constant given by name
 * (the cfg's {@code Home <- HomeSmall}) is resolved from MCPageProtocol.tla next to the manifest.
 */
public final class PageManifest {
    private final Path dir;
    private final JsonNode root;

    private PageManifest(Path dir, JsonNode root) {
        this.dir = dir;
        this.root = root;
    }

    /** The manifest in {@code specDir} (spec/pages); errors name the file. */
    public static PageManifest load(Path specDir) {
        Path f = specDir.resolve("manifest.json");
        if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + ": no such file (the spec's manifest)");
        try {
            return new PageManifest(specDir, new ObjectMapper().readTree(f.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    /** spec/pages of a pcn-ref checkout: -Dpcn.spec.dir, else {home}/spec/pages. */
    public static Path defaultDir(Path home) {
        String p = System.getProperty("pcn.spec.dir");
        return p != null ? Path.of(p) : home.resolve("spec").resolve("pages");
    }

    private Path file() {
        return dir.resolve("manifest.json");
    }

    /** The config objects by name (manifest "configs" as an object, or an array of objects with "name"). */
    public List<String> configNames() {
        List<String> names = new ArrayList<>();
        JsonNode cs = root.path("configs");
        if (cs.isObject()) cs.fieldNames().forEachRemaining(names::add);
        else if (cs.isArray()) for (JsonNode c : cs) names.add(c.path("name").asText());
        return names;
    }

    public JsonNode config(String name) {
        JsonNode cs = root.path("configs");
        JsonNode c = cs.isObject() ? cs.get(name) : null;
        if (cs.isArray()) for (JsonNode x : cs) if (name.equals(x.path("name").asText())) c = x;
        if (c == null || c.isMissingNode()) {
            throw new IllegalArgumentException(file() + ": no config \"" + name + "\" (have " + configNames() + ")");
        }
        return c;
    }

    /** The model constants of config {@code name}. */
    public PageConfig pageConfig(String name) {
        JsonNode k = config(name).path("constants");
        if (!k.isObject()) throw new IllegalArgumentException(file() + ": config " + name + " has no \"constants\" object");
        try {
            JsonNode home = k.path("Home");
            Vector<Integer> homes = home.isArray() ? Vector.ofAll(iter(home)).map(JsonNode::asInt) : tupleFromMc(home.asText());
            TreeSet<String> bugs = new TreeSet<>();
            for (JsonNode b : iter(k.path("Bugs"))) bugs.add(b.asText());
            return new PageConfig(need(k, "N"), homes, need(k, "NumValues"), need(k, "MaxAccesses"),
                    need(k, "MaxFollowers"), need(k, "MaxEnvOps"), bugs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file() + ": config " + name + ": " + e.getMessage());
        }
    }

    private static int need(JsonNode k, String f) {
        if (!k.path(f).canConvertToInt()) throw new IllegalArgumentException("constant " + f + " missing or not an integer");
        return k.path(f).asInt();
    }

    private static Iterable<JsonNode> iter(JsonNode n) {
        return n::elements;
    }

    /** Home given as a definition name of MCPageProtocol.tla, e.g. HomeSmall == <<1, 1, 2>>. */
    private Vector<Integer> tupleFromMc(String defName) {
        return TlcCfg.homes(dir, "@" + defName);
    }

    /** Whether config {@code name} carries a "constants" object. */
    public boolean hasConstants(String name) {
        return config(name).path("constants").isObject();
    }

    /** Whether the manifest lists config {@code name}. */
    public boolean hasConfig(String name) {
        return configNames().contains(name);
    }

    /** The invariants the cfg checks (manifest "invariants"), or empty when the manifest does not list them. */
    public List<String> invariants(String name) {
        List<String> l = new ArrayList<>();
        for (JsonNode n : iter(config(name).path("invariants"))) l.add(n.asText());
        return l;
    }

    /** A number TLC reported for this config, found under any of {@code keys} anywhere in the config object. */
    public OptionalLong tlcFigure(String name, String... keys) {
        return find(config(name), keys).filter(JsonNode::canConvertToLong).map(n -> OptionalLong.of(n.asLong()))
                .orElse(OptionalLong.empty());
    }

    /** A text TLC reported (e.g. the violated invariant). */
    public Optional<String> tlcText(String name, String... keys) {
        return find(config(name), keys).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private static Optional<JsonNode> find(JsonNode n, String... keys) {
        for (String k : keys) if (n.has(k) && !n.get(k).isNull()) return Optional.of(n.get(k));
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            JsonNode v = it.next().getValue();
            if (v.isObject()) {
                Optional<JsonNode> r = find(v, keys);
                if (r.isPresent()) return r;
            }
        }
        return Optional.empty();
    }

    public static final String[] DISTINCT = {"distinctStates", "distinct_states", "distinct"};
    public static final String[] DEPTH = {"depth", "traceLength", "trace_length"};
    public static final String[] GENERATED = {"statesGenerated", "states_generated", "generated"};
    public static final String[] VIOLATION = {"violation", "violated", "violates", "expectedViolation", "invariantViolated"};
    public static final String[] SECONDS = {"seconds", "timeSeconds", "time_s", "wallSeconds"};
}
