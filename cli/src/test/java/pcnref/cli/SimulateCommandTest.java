package pcnref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new SimulateCommand()).execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void passingConfigExitsZeroWithPerSeedFigures() {
        Run r = run("pages", "--config", "fixed", "--seeds", "2", "--steps", "3000");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("seed 1: 3,000 steps"), r.out());
        assertTrue(r.out().contains("seed 2: 3,000 steps"), r.out());
        assertTrue(r.out().contains("reads checked"), r.out());
        assertTrue(r.out().contains("0 of 2 seed(s) failed"), r.out());
    }

    @Test
    void bugConfigExitsOneWithShrunkStepsAndRepeatLine() {
        Run r = run("pages", "--config", "b2o", "--seed", "4", "--seeds", "1", "--no-invariants");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("StaleRead"), r.out());
        assertTrue(r.out().contains("   1. "), r.out());
        assertTrue(r.out().contains("repeat: ./pcn simulate pages --config b2o --seed 4 --seeds 1 --steps 20000 --no-invariants"), r.out());
    }

    @Test
    void weightsChangeTheWalks() {
        Run plain = run("pages", "--config", "fixed", "--seeds", "1", "--steps", "3000");
        Run weighted = run("pages", "--config", "fixed", "--seeds", "1", "--steps", "3000", "--weight", "Deliver=5", "--weight", "BeginAccess=0.1");
        assertEquals(0, weighted.exit(), weighted.out());
        // Same seed, other weights: other walks (the walk count differs).
        String a = plain.out().lines().filter(l -> l.startsWith("seed 1:")).findFirst().orElseThrow();
        String b = weighted.out().lines().filter(l -> l.startsWith("seed 1:")).findFirst().orElseThrow();
        assertTrue(!a.substring(0, a.indexOf("reads")).equals(b.substring(0, b.indexOf("reads"))), a + " / " + b);
    }

    @Test
    void jsonReportsTheShrunkWalk() throws Exception {
        Run r = run("pages", "--config", "b2o", "--seeds", "2", "--json");
        assertEquals(1, r.exit());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("fail", o.get("result").asText());
        assertEquals(2, o.get("seeds").size());
        JsonNode f = o.get("seeds").get(0).get("failure");
        assertTrue(f.get("shrunkSteps").asInt() < f.get("originalSteps").asInt(), f.toString());
        assertEquals(f.get("shrunkSteps").asInt(), f.get("shrunk").size());
    }
}
