package pcnref.trace.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pcnref.trace.explain.Explanation.Sleeper;

/**
 * ./pcn explain on our own recordings of tools/repro/futexpin on the two-node QEMU cluster
 * (src/test/resources/runs; tools/repro/README.md "Results"). The explainer was written before these
 * runs existed; each mode reaches FP1 by a different path, so each verdict names a different variant.
 */
class ExplainOwnRecordingsTest {
    private static final long A = 0x3ff7ff9000L;   // the futex page of every futexpin run

    private static Explanation explain(String name) throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(ExplainOwnRecordingsTest.class.getResource("/runs/" + name + "/node0.pcap").toURI()).getParent();
        return Explainer.explain(dir, Explainer.Options.defaults());
    }

    private static boolean has(Explanation x, String prefix, String part) {
        return x.verdict().evidence().stream().anyMatch(e -> e.startsWith(prefix) && e.contains(part));
    }

    @Test
    void claimIsKmeans1sPath() throws Exception {
        // main's pin claims the page from node 1 (fault_flags 0) and then waits on its own handle
        Explanation x = explain("futexpin-claim-1");
        assertEquals("hang-fp1", x.verdict().kind(), () -> ExplainText.render(x));
        assertEquals("origin", x.verdict().variant());
        assertTrue(has(x, "pin: n0d:322", "frame 105"), x.verdict().evidence()::toString);
        assertEquals(List.of(83), x.endState().sleepers().stream().filter(s -> s.page() == A && s.queue().equals("waits_retry"))
                .map(Sleeper::pid).toList());
        assertTrue(x.verdict().summary().contains("refused"), x.verdict().summary());
    }

    @Test
    void originFoundTheReadCopyAlreadyThere() throws Exception {
        // the program's own read took the copy first: the pin claims nothing and logs nothing (silent pin)
        Explanation x = explain("futexpin-origin-1");
        assertEquals("hang-fp1", x.verdict().kind(), () -> ExplainText.render(x));
        assertEquals("readcopy", x.verdict().variant());
        assertTrue(x.verdict().evidence().stream().noneMatch(e -> e.startsWith("pin: ")), x.verdict().evidence()::toString);
        assertTrue(has(x, "pin evidence: n0h:", "get_futex_key"), x.verdict().evidence()::toString);
    }

    @Test
    void forwardedWaitStopsTheHomeTask() throws Exception {
        for (String run : List.of("futexpin-forwarded-1", "futexpin-forwarded-2")) {
            Explanation x = explain(run);
            assertEquals("hang-fp1", x.verdict().kind(), () -> ExplainText.render(x));
            assertEquals("forwarded", x.verdict().variant(), run);
            assertTrue(x.verdict().summary().startsWith("home task [86]"), x.verdict().summary());
            assertTrue(has(x, "pin evidence: frame ", "FUTEX_REQUEST WAIT"), x.verdict().evidence()::toString);
            assertEquals("MCPageProtocol_FP1_fwd.cfg", x.verdict().model().config(), "the forwarded counterexample");
        }
    }

    @Test
    void theRemoteOopsesWhenItsStationTimesOut() throws Exception {
        // forwarded-2 ran 360 s: node 1's wait_at_station gave up after 300 s and the thread oopsed
        // dereferencing the error (process-vma-protocol.md §6, B4)
        Explanation x = explain("futexpin-forwarded-2");
        assertTrue(has(x, "kernel report: n1d:", "RIP: 0010:process_server_do_futex_at_remote"), x.verdict().evidence()::toString);
        assertTrue(has(x, "kernel report: n1d:", "BUG: unable to handle page fault"), x.verdict().evidence()::toString);
        assertTrue(has(x, "kernel report: n0c:", "INFO: task futexpin:86 blocked"), x.verdict().evidence()::toString);
        Explanation y = explain("futexpin-forwarded-1");
        assertTrue(y.verdict().evidence().stream().noneMatch(e -> e.contains("process_server_do_futex_at_remote")),
                "forwarded-1 stopped at 60 s, before the 300 s timeout");
    }
}
