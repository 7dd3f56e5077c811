package pcnref.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading TLC 2.18's text output, without running TLC. */
class TlcRunnerParseTest {
    @Test
    void completedRunHolds() {
        TlcResult r = TlcRunner.parse(List.of(
                "Model checking completed. No error has been found.",
                "112372 states generated, 43246 distinct states found, 0 states left on queue.",
                "The depth of the complete state graph search is 57."), List.of(), 0, 1.0);
        assertEquals(new TlcResult("holds", 43246, 57, 1.0, ""), r);
    }

    @Test
    void invariantViolationGivesNameAndTraceLength() {
        TlcResult r = TlcRunner.parse(List.of(
                "Error: Invariant DataValueInv is violated.",
                "Error: The behavior up to this point is:",
                "State 1: <Initial predicate>", "/\\ x = 1",
                "State 2: <Next line 3, col 1 to line 4, col 2 of module M>", "/\\ x = 2",
                "3,749 states generated, 1,467 distinct states found, 419 states left on queue.",
                "The depth of the complete state graph search is 11."), List.of(), 12, 1.0);
        assertEquals("DataValueInv", r.outcome());
        assertEquals(1467, r.distinctStates());
        assertEquals(2, r.depth());
    }

    @Test
    void temporalViolationIsNamedAfterTheSingleProperty() {
        TlcResult r = TlcRunner.parse(List.of(
                "Error: Temporal properties were violated.",
                "State 1: <Initial predicate>", "State 2: <A>", "State 3: Stuttering",
                "10 states generated, 7 distinct states found, 0 states left on queue."), List.of("FaultsComplete"), 13, 1.0);
        assertEquals("FaultsComplete", r.outcome());
        assertEquals(3, r.depth());
    }

    @Test
    void parseErrorIsOneLine() {
        TlcResult r = TlcRunner.parse(List.of("Error: Parsing or semantic analysis failed."), List.of(), 150, 1.0);
        assertEquals("error", r.outcome());
        assertEquals("Error: Parsing or semantic analysis failed.", r.detail());
    }

    @Test
    void propertyNamesAreReadFromTheCfg(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("x.cfg");
        Files.writeString(cfg, "SPECIFICATION FairSpec\nPROPERTY \\* liveness\n    WaitsComplete\nCHECK_DEADLOCK FALSE\n");
        assertEquals(List.of("WaitsComplete"), TlcRunner.propertyNames(cfg));
    }
}
