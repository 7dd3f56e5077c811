package pcnref.pages;

import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a TLC .cfg the page model needs (CONSTANTS, INVARIANT(S), CHECK_DEADLOCK), read from
 * spec/pages/MCPageProtocol_NAME.cfg so the Java model is built from exactly what TLC runs.
 * A substituted constant ({@code Home <- HomeCi}) is resolved in MCPageProtocol.tla.
 */
public record TlcCfg(Path file, PageConfig pageConfig, List<String> invariants, boolean checkDeadlock) {

    /** The cfg of config {@code name} in {@code specDir}: MCPageProtocol_{name}.cfg. */
    public static TlcCfg load(Path specDir, String name) {
        Path f = specDir.resolve("MCPageProtocol_" + name + ".cfg");
        if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + ": no such cfg (config " + name + ")");
        String text;
        try {
            text = Files.readString(f).replaceAll("\\\\\\*[^\\n]*", "").replaceAll("(?s)\\(\\*.*?\\*\\)", "");
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": " + e.getMessage());
        }
        Map<String, String> consts = new LinkedHashMap<>();
        List<String> invs = new ArrayList<>();
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
                     "PROPERTIES", "SYMMETRY", "CONSTRAINT", "CONSTRAINTS", "VIEW", "ACTION_CONSTRAINT" -> {
                    section = words[0];
                    line = words.length > 1 ? words[1].trim() : "";
                }
                case "CHECK_DEADLOCK" -> {
                    deadlock = words.length > 1 && words[1].trim().equals("TRUE");
                    continue;
                }
                default -> {
                }
            }
            if (line.isEmpty()) continue;
            if (section.startsWith("CONSTANT")) {
                Matcher m = Pattern.compile("(\\w+)\\s*(=|<-)\\s*(.+)").matcher(line);
                if (!m.matches()) throw new IllegalArgumentException(f + ":" + lineNo + ": cannot read constant \"" + line + "\"");
                consts.put(m.group(1), m.group(2).equals("<-") ? "@" + m.group(3).trim() : m.group(3).trim());
            } else if (section.startsWith("INVARIANT")) {
                for (String w : line.split("\\s+")) invs.add(w);
            } else if (section.equals("SYMMETRY") || section.startsWith("CONSTRAINT") || section.equals("VIEW")) {
                throw new IllegalArgumentException(f + ":" + lineNo + ": " + section + " is not supported by the Java explorer");
            }
        }
        try {
            PageConfig pc = new PageConfig(integer(consts, "N"), homes(specDir, consts.get("Home")), integer(consts, "NumValues"),
                    integer(consts, "MaxAccesses"), integer(consts, "MaxFollowers"), integer(consts, "MaxEnvOps"),
                    strings(consts.getOrDefault("Bugs", "{}")));
            return new TlcCfg(f, pc, List.copyOf(invs), deadlock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f + ": " + e.getMessage());
        }
    }

    private static int integer(Map<String, String> c, String k) {
        String v = c.get(k);
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
