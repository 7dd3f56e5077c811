package pcnref.conformance;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checker on a toy spec and its Java twin: equal when faithful, a readable difference when not. */
class ToyConformanceTest {
    static final Path TOY = Path.of("src/test/resources/toy");

    @Test
    void tlcGraphMatchesTlcCount() {
        StateGraph g = TlcStateSpace.load(TOY, "MCToy", "MCToy.cfg").explore(1_000_000);
        // `tlc2.TLC MCToy` reports 72 distinct states; 248 generated = 2 initial + 246 transitions
        assertEquals(72, g.size());
        assertEquals(2, g.initial().size());
        assertEquals(246, g.edges().size());
        // the state-dependent \E e \in log : Forget(e) is split per state, labelled by its argument
        assertTrue(g.edges().stream().anyMatch(e -> e.label().toString().equals("Forget(<<\"n1\", \"n2\">>)")));
        assertFalse(g.truncated());
    }

    @Test
    void faithfulTwinHasTheSameStateSpace() {
        StateGraph tlc = TlcStateSpace.load(TOY, "MCToy", "MCToy.cfg").explore(1_000_000);
        StateGraph java = JavaStateSpace.explore(new ToyModel(false), 1_000_000);
        SpaceComparison.Result r = SpaceComparison.compare(tlc, java);
        assertTrue(r.equal(), r.firstDifference());
        assertEquals(72, r.javaStates());
        assertEquals(r.tlcTransitions(), r.javaTransitions());
    }

    @Test
    void brokenHandlerIsCaughtWithAReadableFirstDifference() {
        StateGraph tlc = TlcStateSpace.load(TOY, "MCToy", "MCToy.cfg").explore(1_000_000);
        StateGraph java = JavaStateSpace.explore(new ToyModel(true), 1_000_000);
        SpaceComparison.Result r = SpaceComparison.compare(tlc, java);
        assertFalse(r.equal());
        String d = r.firstDifference();
        assertTrue(d.contains("first difference after 1 steps: Send(\"n1\", \"n2\")"), d);
        assertTrue(d.contains("step Receive(\"n2\"): different successors"), d);
        assertTrue(d.contains("differs in log: only in TLC {<<\"n1\", \"n2\">>}, only in Java {}"), d);
    }

    @Test
    void decoratedMutantsAreCaught() {
        StateGraph tlc = TlcStateSpace.load(TOY, "MCToy", "MCToy.cfg").explore(1_000_000);
        SpaceComparison.Result lost = SpaceComparison.compare(tlc, JavaStateSpace.explore(Mutants.lostEffect(new ToyModel(false), "Send"), 1_000_000));
        assertFalse(lost.equal());
        assertTrue(lost.firstDifference().contains("first difference after 0 steps: (initial state)"), lost.firstDifference());
        assertTrue(lost.firstDifference().contains("differs in holder: TLC \"none\" | Java \"n1\""), lost.firstDifference());
        SpaceComparison.Result never = SpaceComparison.compare(tlc, JavaStateSpace.explore(Mutants.neverRun(new ToyModel(false), "Receive"), 1_000_000));
        assertFalse(never.equal());
        assertTrue(never.firstDifference().contains("step Receive(\"n2\"): enabled in TLC, not in Java"), never.firstDifference());
    }

    @Test
    void walksAgreeAndCatchTheBrokenHandler() {
        TlcStateSpace tlc = TlcStateSpace.load(TOY, "MCToy", "MCToy.cfg");
        RandomWalks.Result ok = RandomWalks.run(tlc, new ToyModel(false), 7, 500, 50);
        assertTrue(ok.ok(), ok.failure());
        assertEquals(500, ok.steps());
        RandomWalks.Result bad = RandomWalks.run(tlc, new ToyModel(true), 7, 500, 50);
        assertFalse(bad.ok());
        assertTrue(bad.failure().contains("different successors"), bad.failure());
    }
}
