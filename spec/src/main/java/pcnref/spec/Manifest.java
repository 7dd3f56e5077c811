package pcnref.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a protocol's TLC configs (e.g. spec/pages/manifest.json): module, and per cfg the
 * expected result and measured figures.
 */
public record Manifest(Path dir, String module, List<ManifestEntry> entries) {

    /** Reads a manifest; a malformed one gives a one-line {@link SpecException} naming the file. */
    public static Manifest load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new SpecException(file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read: " + e.getMessage());
        }
        String module = text(file, root, "module", "");
        JsonNode cfgs = root.get("configs");
        if (cfgs == null || !cfgs.isArray()) throw new SpecException(file + ": missing array \"configs\"");
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < cfgs.size(); i++) {
            JsonNode c = cfgs.get(i);
            String where = "configs[" + i + "]";
            entries.add(new ManifestEntry(
                    text(file, c, "file", where), text(file, c, "tier", where), text(file, c, "mode", where),
                    text(file, c, "expected", where),
                    c.has("distinctStates") ? c.get("distinctStates").asLong(-1) : -1,
                    number(file, c, "depth", where),
                    c.has("workers") ? c.get("workers").asInt(2) : 2,
                    c.get("constants")));
        }
        return new Manifest(file.getParent(), module, List.copyOf(entries));
    }

    public ManifestEntry entry(String name) {
        for (ManifestEntry e : entries) {
            if (e.file().equals(name) || e.name().equals(name)) return e;
        }
        throw new SpecException(dir.resolve("manifest.json") + ": no config named " + name);
    }

    private static String text(Path file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new SpecException(file + ": " + where + ": missing text field \"" + field + "\"");
        return v.asText();
    }

    private static int number(Path file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) throw new SpecException(file + ": " + where + ": missing number \"" + field + "\"");
        return v.asInt();
    }
}
