package pcnref.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Reads spec/pages/manifest.json (owned by the spec's author): for each cfg, its TLC "constants",
 * what TLC found ("expected": "holds" or the violated invariant/property), "distinctStates",
 * "depth" (TLC's depth when it holds, the counterexample's length otherwise), "mode"
 * (safety/liveness). A config is named by its cfg file without "MCPageProtocol_" and ".cfg".
 */
public final class PageManifest {
    private static final String PREFIX = "MCPageProtocol_";

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

    private static String nameOf(JsonNode c) {
        if (c.hasNonNull("name")) return c.get("name").asText();
        String f = c.path("file").asText();
        if (f.startsWith(PREFIX)) f = f.substring(PREFIX.length());
        return f.endsWith(".cfg") ? f.substring(0, f.length() - 4) : f;
    }

    public List<String> configNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode c : root.path("configs")) names.add(nameOf(c));
        return names;
    }

    public boolean hasConfig(String name) {
        return find(name).isPresent();
    }

    private Optional<JsonNode> find(String name) {
        for (JsonNode c : root.path("configs")) if (nameOf(c).equals(name)) return Optional.of(c);
        return Optional.empty();
    }

    public JsonNode config(String name) {
        return find(name).orElseThrow(() ->
                new IllegalArgumentException(file() + ": no config \"" + name + "\" (have " + configNames() + ")"));
    }

    public boolean hasConstants(String name) {
        return config(name).path("constants").isObject();
    }

    /** The model constants of config {@code name} (the spec's CONSTANTS, as the manifest spells them). */
    public PageConfig pageConfig(String name) {
        JsonNode k = config(name).path("constants");
        if (!k.isObject()) throw new IllegalArgumentException(file() + ": config " + name + " has no \"constants\" object");
        try {
            if (k.path("origin").asInt(0) != 0) throw new IllegalArgumentException("origin must be node 0");
            JsonNode home = first(k, "threadHomes", "Home");
            Vector<Integer> homes = home.isArray() ? Vector.ofAll(home::elements).map(JsonNode::asInt)
                    : TlcCfg.homes(dir, "@" + home.asText());
            TreeSet<String> bugs = new TreeSet<>();
            first(k, "bugs", "Bugs").elements().forEachRemaining(b -> bugs.add(b.asText()));
            return new PageConfig(integer(k, "nodes", "N"), homes, integer(k, "numValues", "NumValues"),
                    integer(k, "maxAccesses", "MaxAccesses"), integer(k, "maxFollowers", "MaxFollowers"),
                    integer(k, "maxEnvOps", "MaxEnvOps"), bugs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file() + ": config " + name + ": " + e.getMessage());
        }
    }

    private static JsonNode first(JsonNode k, String... keys) {
        for (String key : keys) if (k.has(key)) return k.get(key);
        throw new IllegalArgumentException("constant " + keys[0] + " missing");
    }

    private static int integer(JsonNode k, String... keys) {
        JsonNode v = first(k, keys);
        if (!v.canConvertToInt()) throw new IllegalArgumentException("constant " + keys[0] + " is not an integer");
        return v.asInt();
    }

    /** "holds", or the invariant (or property) TLC found violated. */
    public Optional<String> expected(String name) {
        JsonNode e = config(name).path("expected");
        return e.isTextual() ? Optional.of(e.asText()) : Optional.empty();
    }

    /** "safety" or "liveness" (a liveness cfg also checks temporal properties the Java explorer does not). */
    public String mode(String name) {
        return config(name).path("mode").asText("safety");
    }

    public OptionalLong distinctStates(String name) {
        return number(name, "distinctStates");
    }

    public OptionalLong depth(String name) {
        return number(name, "depth");
    }

    public OptionalLong measuredSeconds(String name) {
        return number(name, "measuredSeconds");
    }

    public OptionalLong workers(String name) {
        return number(name, "workers");
    }

    private OptionalLong number(String name, String key) {
        JsonNode v = config(name).path(key);
        return v.canConvertToLong() ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
    }
}
