package pcnref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pcnref.trace.SharedData;

class ExplainCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new ExplainCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path trace(String name) {
        Path d = SharedData.tracesDir().resolve(name);
        if (!Files.isDirectory(d)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("missing " + d);
            Assumptions.abort("missing " + d);
        }
        return d;
    }

    @Test
    void kmeans1ReportNamesTheVerdictTheSelfWaitAndTheModel() {
        Run r = run(trace("kmeans-1").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("== verdict: hang: FP1 futex-pin self-wait (origin)"), r.out());
        assertTrue(r.out().contains("n0d:4611"), r.out());
        assertTrue(r.out().contains("fh_action idx 2"), r.out());
        assertTrue(r.out().contains("./pcn check pages --config MCPageProtocol_FP1.cfg -> NoSelfWaitInv"), r.out());
    }

    @Test
    void jsonIsOneDocumentAndPageSelectsThePage() throws Exception {
        Run r = run(trace("kmeans-4").toString(), "--json", "--page", "0x3ff7ffa123");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("completed", j.at("/verdict/kind").asText());
        assertEquals(1, j.get("pages").size());
        assertEquals("0x3ff7ffa000", j.at("/pages/0/page").asText());
        assertTrue(j.at("/pages/0/facts").size() > 10);
    }

    @Test
    void errorsAreOneLine(@TempDir Path tmp) {
        Run r = run(tmp.resolve("nope").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("pcn explain: " + tmp.resolve("nope")), r.err());
        Run bad = run(tmp.toString(), "--page", "xyz");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }
}
