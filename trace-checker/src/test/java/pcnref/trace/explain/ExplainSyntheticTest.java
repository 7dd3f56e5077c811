package pcnref.trace.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcnref.trace.explain.Explanation.Sleeper;

/** The rules on small recordings written by {@link SyntheticRun}: other pids, addresses, nodes, variants, damage. */
class ExplainSyntheticTest {
    @TempDir
    Path tmp;

    private static Explanation explain(Path dir) throws Exception {
        return Explainer.explain(dir, Explainer.Options.defaults());
    }

    private static void assertSelfWait(Explanation x, int node, int pid, long page) {
        assertEquals("hang-fp1", x.verdict().kind(), () -> ExplainText.render(x));
        Sleeper s = x.endState().sleepers().stream().filter(q -> q.pid() == pid).findFirst().orElseThrow();
        assertEquals(node, s.node());
        assertEquals(page, s.page());
        assertEquals("waits_retry", s.queue());
        assertEquals("forwarded".equals(x.verdict().variant()) ? "MCPageProtocol_FP1_fwd.cfg" : "MCPageProtocol_FP1.cfg",
                x.verdict().model().config());
    }

    @Test
    void renumberedPidsAndAddressesGiveTheSameVerdict() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.main = 1234;
        r.home = 1240;
        r.thread = 777;
        r.worker = 700;
        r.page = 0x7fff12345000L;
        r.ip = 0x4abcdeL;
        r.writerIp = 0x401000L;
        r.storm = 7;
        Explanation x = explain(r.write(tmp.resolve("renumbered")));
        assertSelfWait(x, 0, 1234, 0x7fff12345000L);
        assertEquals("origin", x.verdict().variant());
        // the pin is the claim line, and its request on the wire has fault_flags 0
        assertTrue(x.verdict().evidence().stream().anyMatch(e -> e.startsWith("pin: n0d:") && e.contains("frame ")), x.verdict().evidence()::toString);
        var storm = x.endState().retryStorms().getFirst();
        assertEquals(777, storm.pid());
        assertEquals(7, storm.wireRetries());
        assertEquals(7L, storm.afterPin());
        assertEquals(7, storm.serverLogRetries());
        assertEquals(7, storm.requesterLogRetries());
        assertEquals(7, storm.ftraceRetries());
        assertEquals(1, x.endState().messageWaits().size());
        // the self-wait's row: origin, L - R handle, local write = idx 2
        var wait = x.pages().getFirst().facts().stream().filter(f -> f.event().endsWith("waits")).findFirst().orElseThrow();
        assertEquals(2, wait.fhIdx());
    }

    @Test
    void threeNodesWithTheWriterOnNodeTwo() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.nodes = 3;
        r.remote = 2;
        r.page = 0x3ff6000000L;
        Explanation x = explain(r.write(tmp.resolve("three")));
        assertEquals(List.of(0, 1, 2), x.nodes());
        assertSelfWait(x, 0, 83, 0x3ff6000000L);
        assertEquals(2, x.endState().retryStorms().getFirst().node());
        assertEquals(5, x.endState().retryStorms().getFirst().wireRetries());
    }

    @Test
    void forwardedFutexWaitOfTheHomeTaskIsRecognised() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.FORWARDED;
        r.home = 501;
        r.thread = 602;
        Explanation x = explain(r.write(tmp.resolve("forwarded")));
        assertSelfWait(x, 0, 501, r.page);
        assertEquals("forwarded", x.verdict().variant());
        assertTrue(x.verdict().evidence().stream().anyMatch(e -> e.contains("FUTEX_REQUEST WAIT") && e.contains("no FUTEX_RESPONSE")),
                x.verdict().evidence()::toString);
        assertTrue(x.endState().messageWaits().stream().anyMatch(w -> w.type().equals("FUTEX_REQUEST") && w.pid() == 501));
    }

    @Test
    void aSilentPinAfterAReadCopyIsStillTheSelfWait() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.READCOPY;
        r.main = 4242;
        Explanation x = explain(r.write(tmp.resolve("readcopy")));
        assertSelfWait(x, 0, 4242, r.page);
        assertEquals("readcopy", x.verdict().variant());
        // no flags-0 frame, no claim without a fault: the pin is inferred, with the row it implies
        assertTrue(x.verdict().evidence().stream().anyMatch(e -> e.startsWith("silent pin (inferred)") && e.contains("idx 2")),
                x.verdict().evidence()::toString);
        assertEquals(null, x.endState().retryStorms().getFirst().afterPin());
    }

    @Test
    void withoutAnyPinEvidenceAWaitOnAnInvisibleHandleIsNotFp1() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.READCOPY;
        Path dir = r.write(tmp.resolve("nopin"));
        Files.delete(dir.resolve("node0.hang.txt"));
        Explanation x = explain(dir);
        assertEquals("hang-other", x.verdict().kind(), () -> ExplainText.render(x));
    }

    @Test
    void aReleasedPinIsNotAHang() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.PRIVATE;
        Explanation x = explain(r.write(tmp.resolve("private")));
        assertEquals("completed", x.verdict().kind(), () -> ExplainText.render(x));
        assertTrue(x.endState().handles().isEmpty());
        assertTrue(x.pages().getFirst().facts().stream().anyMatch(f -> f.model().contains("PageServerPutUserpage")));
    }

    @Test
    void anExitWithAFailureStatusIsCompletedAndAKillIsNot() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.PRIVATE;
        r.exitStatus = 1;
        Explanation x = explain(r.write(tmp.resolve("exit1")));
        assertEquals("completed", x.verdict().kind(), () -> ExplainText.render(x));
        assertTrue(x.verdict().summary().contains("status 1"), x.verdict().summary());
        r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.PRIVATE;
        r.exitStatus = 143;
        Explanation k = explain(r.write(tmp.resolve("exit143")));
        assertEquals("hang-other", k.verdict().kind(), () -> ExplainText.render(k));
    }

    @Test
    void anotherHolderOfTheHandleIsNotASelfWait() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.OTHER_HOLDER;
        Explanation x = explain(r.write(tmp.resolve("other")));
        assertEquals("hang-other", x.verdict().kind(), () -> ExplainText.render(x));
        assertNull(x.verdict().model());
        assertEquals(2, x.endState().handles().getFirst().holders().size());
    }

    @Test
    void aTruncatedLogIsAnIncompleteRecordingNotAGuess() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.truncate = true;
        Path dir = r.write(tmp.resolve("truncated"));
        Explanation x = explain(dir);
        assertEquals("incomplete", x.verdict().kind(), () -> ExplainText.render(x));
        assertTrue(x.problems().stream().anyMatch(p -> p.contains("node0.dmesg.txt") && p.contains("unrecognised")), x.problems()::toString);
    }

    @Test
    void missingFilesAreReportedAndTheRestStillExplained() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.pcap = false;
        Path dir = r.write(tmp.resolve("nopcap"));
        Files.delete(dir.resolve("node1.ftrace.txt"));
        Explanation x = explain(dir);
        assertSelfWait(x, 0, 83, r.page);
        assertTrue(x.files().stream().anyMatch(f -> !f.present() && f.kind().equals("pcap")));
        assertTrue(x.files().stream().anyMatch(f -> !f.present() && f.kind().equals("ftrace") && f.node() == 1));
        assertNotEquals(0, x.endState().retryStorms().getFirst().serverLogRetries());
    }

    @Test
    void aPlaceholderDmesgGivesWayToTheConsoleLog() throws Exception {
        SyntheticRun r = new SyntheticRun();
        r.mode = SyntheticRun.Mode.FORWARDED;
        Path dir = r.write(tmp.resolve("console"));
        Files.move(dir.resolve("node0.dmesg.txt"), dir.resolve("node0.console.txt"));
        Files.writeString(dir.resolve("node0.dmesg.txt"), "(no dmesg dump from node0)\n");
        Explanation x = explain(dir);
        assertSelfWait(x, 0, r.home, r.page);
        assertTrue(x.files().stream().anyMatch(f -> f.kind().equals("console") && f.node() == 0));
        assertTrue(x.problems().stream().anyMatch(p -> p.contains("node0.dmesg.txt: missing or not a kernel log")), x.problems()::toString);
        assertTrue(x.pages().getFirst().facts().stream().anyMatch(f -> f.cite().startsWith("n0c:")));
    }

    @Test
    void notARunIsOneLineNamingTheDirectory() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> explain(tmp.resolve("nothing")));
        assertTrue(e.getMessage().startsWith(tmp.resolve("nothing").toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
