package pcnref.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import pcnref.pages.PageConfig;
import pcnref.pages.TlcCfg;
import tlc2.tool.impl.ModelConfig;
import tlc2.util.Vect;
import util.SimpleFilenameToStream;
import util.ToolIO;

/**
 * The pure-Java cfg reader ({@link TlcCfg}, all the reference, the CLI and conformance use) reads
 * every cfg of spec/pages exactly as TLC's own parser ({@link ModelConfig}) does: constants (values
 * and {@code <-} substitutions), invariants, properties, SYMMETRY and CHECK_DEADLOCK. For the page
 * model it also yields the very constants TLC evaluates (Home's tuple included). So the reader
 * cannot drift from TLC unnoticed when a cfg changes.
 */
class TlcCfgAgreesWithTlcTest {

    static List<Path> pageCfgs() throws IOException {
        try (Stream<Path> s = Files.list(PagesReference.specDir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cfg")).sorted().toList();
        }
    }

    /** TLC's reading of a cfg, in TlcCfg's terms (substitutions as "@Def", values as TLC prints them). */
    record TlcView(Map<String, String> constants, List<String> invariants, List<String> properties,
                   boolean checkDeadlock, String symmetry) {
        static TlcView of(Path cfg) {
            Path abs = cfg.toAbsolutePath().normalize();
            // TLC resolves the cfg's name against ToolIO's user dir (a global that TlcStateSpace also sets).
            ToolIO.setUserDir(abs.getParent().toString());
            ModelConfig mc = new ModelConfig(abs.getFileName().toString(), new SimpleFilenameToStream(abs.getParent().toString()));
            mc.parse();
            Map<String, String> consts = new LinkedHashMap<>();
            Vect<?> cs = mc.getConstants();
            for (int i = 0; i < cs.size(); i++) {
                Vect<?> c = (Vect<?>) cs.elementAt(i);
                assertEquals(2, c.size(), cfg + ": operator constant " + c.elementAt(0) + " (not used by pcn-ref's cfgs)");
                consts.put((String) c.elementAt(0), squash(c.elementAt(1).toString()));
            }
            mc.getOverrides().forEach((k, v) -> consts.put(k, "@" + v));
            return new TlcView(consts, strings(mc.getInvariants()), strings(mc.getProperties()), mc.getCheckDeadlock(),
                    mc.getSymmetry() == null ? "" : mc.getSymmetry());
        }

        static TlcView ofJava(Path cfg) {
            TlcCfg c = TlcCfg.read(cfg);
            Map<String, String> consts = new LinkedHashMap<>();
            c.constants().forEach((k, v) -> consts.put(k, squash(v)));
            return new TlcView(consts, c.invariants(), c.properties(), c.checkDeadlock(), c.symmetry().orElse(""));
        }

        private static List<String> strings(Vect<?> v) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) out.add(v.elementAt(i).toString());
            return out;
        }

        /** Without blanks; a flat set's elements sorted (TLC prints a set in its own order). */
        private static String squash(String value) {
            String v = value.replaceAll("\\s+", "");
            if (!v.startsWith("{") || !v.endsWith("}") || v.length() == 2 || v.substring(1).contains("{")) return v;
            return "{" + String.join(",", new java.util.TreeSet<>(List.of(v.substring(1, v.length() - 1).split(",")))) + "}";
        }
    }

    static void assertSameReading(Path cfg) {
        TlcView tlc = TlcView.of(cfg), java = TlcView.ofJava(cfg);
        assertEquals(tlc.constants(), java.constants(), cfg + ": CONSTANTS");
        assertEquals(tlc.invariants(), java.invariants(), cfg + ": INVARIANTS");
        assertEquals(tlc.properties(), java.properties(), cfg + ": PROPERTIES");
        assertEquals(tlc.checkDeadlock(), java.checkDeadlock(), cfg + ": CHECK_DEADLOCK");
        assertEquals(tlc.symmetry(), java.symmetry(), cfg + ": SYMMETRY");
    }

    @TestFactory
    Stream<DynamicTest> everyPageCfgReadsAsTlcReadsIt() throws IOException {
        List<Path> cfgs = pageCfgs();
        assertTrue(cfgs.size() >= 20, "spec/pages cfgs found: " + cfgs.size());
        return cfgs.stream().map(cfg -> DynamicTest.dynamicTest(cfg.getFileName().toString(), () -> {
            assertSameReading(cfg);
            TlcView tlc = TlcView.of(cfg);
            assertFalse(tlc.constants().isEmpty() || tlc.invariants().isEmpty() && tlc.properties().isEmpty(),
                    cfg + ": TLC read no constants, or neither invariants nor properties");
            // The page model's constants, as the explorer builds them, are those TLC evaluates
            // (Home <- HomeX resolved in MCPageProtocol.tla on the Java side, by SANY on TLC's).
            TlcCfg java = TlcCfg.read(cfg);
            String file = cfg.getFileName().toString();
            SpecConfig sc = new SpecConfig(cfg.getParent(), file, file, "MCPageProtocol",
                    "ci", "holds", null, -1, -1);
            PageConfig fromTlc = PagesReference.pageConfig(sc);
            assertEquals(fromTlc, java.pageConfig(), file + ": page constants, TlcCfg vs TLC");
        }));
    }

    /** The toy spec's cfg (model values, CONSTRAINT) is read as TLC reads it too. */
    @Test
    void toyCfgReadsAsTlcReadsIt() throws Exception {
        assertSameReading(Path.of(getClass().getResource("/toy/MCToy.cfg").toURI()));
    }

    /** TLC's side of the comparison is not vacuous: it reads each section of a small cfg. */
    @Test
    void tlcsReadingOfASmallCfg(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("X.cfg");
        Files.writeString(cfg, "CONSTANTS\n    N = 3\n    S = {\"b\", \"a\"}\n    H <- HomeX\nSPECIFICATION Spec\n"
                + "INVARIANTS \\* safety\n A B\nPROPERTY P\nSYMMETRY Sym\nCHECK_DEADLOCK FALSE\n");
        TlcView tlc = TlcView.of(cfg);
        assertEquals(Map.of("N", "3", "S", "{\"a\",\"b\"}", "H", "@HomeX"), tlc.constants());
        assertEquals(List.of("A", "B"), tlc.invariants());
        assertEquals(List.of("P"), tlc.properties());
        assertEquals("Sym", tlc.symmetry());
        assertFalse(tlc.checkDeadlock());
        assertSameReading(cfg);
        Files.writeString(cfg, "INVARIANT Inv\n");
        assertTrue(TlcView.of(cfg).checkDeadlock(), "TLC's default: CHECK_DEADLOCK TRUE");
        assertSameReading(cfg);
    }
}
