package pcnref.pages;

import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of TLC .cfg files in pcn-ref (pure Java: the reference must not depend on TLC).
 * It reads CONSTANTS ({@code K = v}, or {@code K <- Def} kept as {@code "@Def"}), INVARIANT(S),
 * PROPERT(Y|IES), SYMMETRY and CHECK_DEADLOCK. conformance's TlcCfgAgreesWithTlcTest holds it equal
 * to TLC's own parser (tlc2.tool.impl.ModelConfig) on every cfg of spec/pages.
 * For the page model, {@link #load} reads spec/pages/MCPageProtocol_NAME.cfg and {@link #pageConfig}
 * resolves a substituted constant ({@code Home <- HomeCi}) in MCPageProtocol.tla.
 */
public record TlcCfg(Path file, Map<String, String> constants, List<String> invariants, List<String> properties,
                     boolean checkDeadlock, Optional<String> symmetry, List<String> unsupported) {

    private static final Pattern CONSTANT = Pattern.compile("(\\w+)\\s*(=|<-)\\s*(.+)");

    /** Any TLC cfg; errors are one line naming the file (and line). */
    public static TlcCfg read(Path f) {
        String text;
        try {
            text = Files.readString(f).replaceAll("\\\\\\*[^\\n]*", "").replaceAll("(?s)\\(\\*.*?\\*\\)", "");
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot read: " + e.getMessage());
        }
        Map<String, String> consts = new LinkedHashMap<>();
        List<String> invs = new ArrayList<>(), props = new ArrayList<>(), unsupported = new ArrayList<>();
        String symmetry = null;
        boolean deadlock = true;
        String section = "";
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.trim();
            if (line.isEmpty()) continue;
            String[] words = line.split("\\s+", 2);
            switch (words[0]) {
                case "CONSTANTS", "CONSTANT", "INVARIANTS", "INVARIANT", "SPECIFICATION", "INIT", "NEXT", "PROPERTY",
                     "PROPERTIES", "SYMMETRY", "CONSTRAINT", "CONSTRAINTS", "VIEW", "ACTION_CONSTRAINT",
                     "ACTION_CONSTRAINTS", "ALIAS", "POSTCONDITION" -> {
                    section = words[0];
                    line = words.length > 1 ? words[1].trim() : "";
                    if (section.equals("SYMMETRY") || section.startsWith("CONSTRAINT") || section.equals("VIEW")) {
                        unsupported.add(f + ":" + lineNo + ": " + section);
                    }
                }
                case "CHECK_DEADLOCK" -> {
                    deadlock = words.length > 1 && words[1].trim().equals("TRUE");
                    section = words[0];
                    continue;
                }
                default -> {
                }
            }
            if (line.isEmpty()) continue;
            if (section.startsWith("CONSTANT")) {
                Matcher m = CONSTANT.matcher(line);
                if (!m.matches()) throw new IllegalArgumentException(f + ":" + lineNo + ": cannot read constant \"" + line + "\"");
                consts.put(m.group(1), m.group(2).equals("<-") ? "@" + m.group(3).trim() : m.group(3).trim());
            } else if (section.startsWith("INVARIANT")) {
                invs.addAll(List.of(line.split("\\s+")));
            } else if (section.startsWith("PROPERT")) {
                props.addAll(List.of(line.split("\\s+")));
            } else if (section.equals("SYMMETRY")) {
                symmetry = line.split("\\s+")[0];
            }
        }
        return new TlcCfg(f, Map.copyOf(consts), List.copyOf(invs), List.copyOf(props), deadlock,
                Optional.ofNullable(symmetry), List.copyOf(unsupported));
    }

    /** The cfg of config {@code name} in {@code specDir}: MCPageProtocol_{name}.cfg, as the Java explorer runs it. */
    public static TlcCfg load(Path specDir, String name) {
        Path f = specDir.resolve("MCPageProtocol_" + name + ".cfg");
        if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + ": no such cfg (config " + name + ")");
        TlcCfg c = read(f);
        if (!c.unsupported().isEmpty()) throw new IllegalArgumentException(c.unsupported().get(0) + " is not supported by the Java explorer");
        c.pageConfig(); // fail here, naming the file, when the constants do not fit the page model
        return c;
    }

    /** The page model's constants (N, Home, NumValues, MaxAccesses, MaxFollowers, MaxEnvOps, Bugs). */
    public PageConfig pageConfig() {
        try {
            return new PageConfig(integer("N"), homes(file.toAbsolutePath().getParent(), constants.get("Home")), integer("NumValues"),
                    integer("MaxAccesses"), integer("MaxFollowers"), integer("MaxEnvOps"),
                    strings(constants.getOrDefault("Bugs", "{}")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private int integer(String k) {
        String v = constants.get(k);
        if (v == null || !v.matches("-?\\d+")) throw new IllegalArgumentException("constant " + k + " missing or not an integer");
        return Integer.parseInt(v);
    }

    private static TreeSet<String> strings(String set) {
        TreeSet<String> s = new TreeSet<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(set);
        while (m.find()) s.add(m.group(1));
        return s;
    }

    static Vector<Integer> homes(Path specDir, String v) {
        if (v == null) throw new IllegalArgumentException("constant Home missing");
        String tuple = v;
        if (v.startsWith("@")) {
            Path mc = specDir.resolve("MCPageProtocol.tla");
            try {
                Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(v.substring(1)) + "\\s*==\\s*(<<[^>]*>>)").matcher(Files.readString(mc));
                if (!m.find()) throw new IllegalArgumentException(mc + ": no tuple definition " + v.substring(1));
                tuple = m.group(1);
            } catch (IOException e) {
                throw new IllegalArgumentException(mc + ": " + e.getMessage());
            }
        }
        String inner = tuple.replace("<<", "").replace(">>", "").trim();
        if (inner.isEmpty()) return Vector.empty();
        return Vector.of(inner.split(",")).map(String::trim).map(Integer::parseInt);
    }
}
