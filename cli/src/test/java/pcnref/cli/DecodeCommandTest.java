package pcnref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pcnref.trace.SharedData;

class DecodeCommandTest {
    private record Run(int code, List<String> out, List<String> err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new DecodeCommand()).execute(args);
            return new Run(code, lines(out), lines(err));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static List<String> lines(ByteArrayOutputStream b) {
        String s = b.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    private static Path run1(String name) {
        Path d = SharedData.tracesDir().resolve("ft2b-1");
        if (!Files.isDirectory(d)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("missing " + d);
            Assumptions.abort("missing " + d);
        }
        return d.resolve(name);
    }

    @Test
    void aBadFileIsOneLineAndTheOthersStillDecode(@TempDir Path tmp) throws IOException {
        Path garbage = Files.writeString(tmp.resolve("garbage.bin"), "\u0001\u0002 not a log\n");
        Path missing = tmp.resolve("missing.txt");
        Run r = run(missing.toString(), run1("node0.ftrace.txt").toString(), garbage.toString());
        assertEquals(1, r.code());
        assertEquals(2, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).contains(missing.toString()), r.err().get(0));
        assertTrue(r.err().get(1).contains(garbage.toString() + ": offset 0"), r.err().get(1));
        assertEquals(1 + 8, r.out().size(), "header + the 8 pgfault events: " + r.out());
        assertTrue(r.out().get(1).contains("pgfault (served)"), r.out().get(1));
    }

    @Test
    void jsonIsOneEventPerLine() throws IOException {
        Run r = run("--json", run1("node1.dmesg.txt").toString(), run1("node1.pcap").toString());
        assertEquals(0, r.code(), r.err().toString());
        ObjectMapper m = new ObjectMapper();
        long messages = 0;
        for (String l : r.out()) {
            JsonNode n = m.readTree(l);
            assertTrue(n.hasNonNull("kind") && n.hasNonNull("source") && n.has("timeNs"), l);
            if (n.get("kind").asText().equals("message")) messages++;
        }
        assertEquals(28, messages, "pcn_kmsg messages of ft2b-1 (shared/traces/README.md)");
    }

    @Test
    void statsCountBytesAndPages() throws IOException {
        Run r = run("--stats", "--json", run1("node0.pcap").toString());
        assertEquals(0, r.code(), r.err().toString());
        JsonNode n = new ObjectMapper().readTree(r.out().getFirst());
        // shared/traces/README.md: ft2b-1 has 21204 TCP payload bytes = the messages' sizes, and RUN.txt
        // lists 3 REMOTE_PAGE_RESPONSE from node 0 and 1 from node 1
        assertEquals(21204, n.get("totalMessageBytes").asLong());
        assertEquals(4, n.get("pagesTransferred").asLong());
        assertEquals(4, n.at("/counts/message REMOTE_PAGE_RESPONSE").asLong());
        assertEquals(0, n.get("errors").asLong());
    }

    @Test
    void unrecognisedLinesAreReportedNotFatal(@TempDir Path tmp) throws IOException {
        Path log = Files.writeString(tmp.resolve("node1.dmesg.txt"), """
                [    1.868073] Loading Popcorn messaging layer over TCP/IP...
                [    4.160216] ####### MIGRATED - [86/1] from [83/0]
                [    4.160217] ## PAGEFAULT [86] zzz R 401ceb 154 0
                [    4.164216] ## VMAFAULT [86] 401ceb 401ceb
                """);
        Run r = run("--stats", log.toString());
        assertEquals(0, r.code());
        assertTrue(r.err().getFirst().contains(log + ": 1 unrecognised line(s), first: 3:"), r.err().toString());
        assertTrue(r.out().stream().anyMatch(l -> l.matches("\\s+unrecognised lines\\s+1")), r.out().toString());
        assertTrue(r.out().stream().anyMatch(l -> l.matches("\\s+migration MIGRATED\\s+1")), r.out().toString());
    }
}
