package pcnref.trace.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.RemotePageResponseShort;
import pcnref.trace.SharedTraces;
import pcnref.trace.explain.Explanation.OpenHandle;
import pcnref.trace.explain.Explanation.RetryStorm;
import pcnref.trace.explain.Explanation.Sleeper;
import pcnref.trace.pcap.PcapMessageReader;
import pcnref.trace.pcap.PcapOptions;

/** ./pcn explain on every real recording of shared/traces. */
class ExplainTracesTest {
    private static final long P = 0x3ff7ffa000L;
    /** What each recording is known to be (shared/traces/README.md); a new folder must be added here. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("kmeans-1", "hang-fp1"),
            Map.entry("kmeans-4", "completed"), Map.entry("kmeans-5", "completed"),
            Map.entry("ft2a-1", "completed"), Map.entry("ft2b-1", "completed"), Map.entry("ft2c-1", "completed"),
            Map.entry("ft2d-1", "completed"), Map.entry("3node-ft2d-1", "completed"), Map.entry("3node-ft3d-1", "completed"),
            Map.entry("ft2c-clone3-hang", "hang-other"));

    static Stream<Path> runs() throws IOException {
        try (Stream<Path> s = Files.list(SharedTraces.dir())) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    private static Explanation explain(Path dir) throws IOException {
        return Explainer.explain(dir, Explainer.Options.defaults());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void everyRecordingGetsItsKnownVerdict(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Explanation x = explain(dir);
        assertTrue(EXPECTED.containsKey(name), name + ": a recording with no expected verdict; add it (it says: "
                + x.verdict().title() + ", " + x.verdict().summary() + ")");
        assertEquals(EXPECTED.get(name), x.verdict().kind(), () -> ExplainText.render(x));
        if (x.verdict().kind().equals("completed")) {
            assertTrue(x.endState().handles().isEmpty(), name + ": open handles " + x.endState().handles());
            assertTrue(x.endState().sleepers().isEmpty(), name);
            assertTrue(x.endState().messageWaits().isEmpty(), name + ": " + x.endState().messageWaits());
        }
        assertEquals(Files.exists(dir.resolve("node2.dmesg.txt")) ? 3 : 2, x.nodes().size());
        assertEquals(0, x.origin());
    }

    @Test
    void kmeans1IsTheFutexPinSelfWaitOfMain() throws IOException {
        Path dir = SharedTraces.dir().resolve("kmeans-1");
        Explanation x = explain(dir);
        assertEquals("hang: FP1 futex-pin self-wait", x.verdict().title());
        assertEquals("origin", x.verdict().variant());
        // main (83) sleeps at the origin on waits_retry of P's handle since n0d:4611
        assertEquals(List.of(new Sleeper(0, 83, P, "waits_retry", "write fault of [83] (n0d:4610)".replace("write", "kernel (gup) write"),
                "n0d:4611")), x.endState().sleepers());
        // the handle was created by the pin: the flags-0 claim at n0d:4600, frame 3690 on the wire
        OpenHandle h = x.endState().handles().stream().filter(o -> o.node() == 0).findFirst().orElseThrow();
        assertEquals(P, h.page());
        assertEquals("L - R", h.flags());
        assertEquals("n0d:4600", h.since());
        assertEquals(List.of("futex pin of [83] (n0d:4600)"), h.holders());
        assertTrue(x.verdict().evidence().stream().anyMatch(e -> e.startsWith("pin: n0d:4600") && e.contains("frame 3690")),
                x.verdict().evidence()::toString);
        var wait = x.pages().getFirst().facts().stream().filter(f -> f.cite().equals("n0d:4611")).findFirst().orElseThrow();
        assertEquals(2, wait.fhIdx());
        // the storm: RETRY answers to [88/1] for P, checked against an independent count of the capture
        RetryStorm s = x.endState().retryStorms().stream().filter(r -> r.page() == P && r.pid() == 88).findFirst().orElseThrow();
        long[] count = independentRetryCount(dir.resolve("node0.pcap"));
        assertEquals(count[0], s.wireRetries());
        assertEquals(count[1], s.afterPin());
        assertEquals(502, s.afterPin());
        // one request unanswered at the end: 88's last one
        assertEquals(1, x.endState().messageWaits().size());
        assertEquals(88, x.endState().messageWaits().getFirst().pid());
        // hang.txt: main pinned in a futex fault, 88 waiting for an answer
        assertTrue(x.endState().blockedTasks().stream().anyMatch(b -> b.tid() == 83
                && b.stackClass() == HangStacks.StackClass.PINNED_FUTEX_FAULT && b.afterSigkill()));
        assertTrue(x.endState().blockedTasks().stream().anyMatch(b -> b.tid() == 88 && b.node() == 1
                && b.stackClass() == HangStacks.StackClass.REMOTE_FAULT_WAIT));
        assertNotNull(x.verdict().model());
    }

    /** SHORT responses with 0x400 for P in the capture, and those after the first fault_flags-0 request for P. */
    private static long[] independentRetryCount(Path pcap) throws IOException {
        long[] c = new long[2];
        boolean[] pinned = {false};
        PcapMessageReader.read(pcap, PcapOptions.defaults(), m -> {
            if (m.message() instanceof RemotePageRequest r && r.addr() == P && r.faultFlags() == 0) pinned[0] = true;
            if (m.message() instanceof RemotePageResponseShort r && r.addr() == P && r.result() == 0x400) {
                c[0]++;
                if (pinned[0]) c[1]++;
            }
        });
        return c;
    }

    @Test
    void clone3HangIsNotAPageProtocolHang() throws IOException {
        Explanation x = explain(SharedTraces.dir().resolve("ft2c-clone3-hang"));
        assertEquals("hang-other", x.verdict().kind());
        assertTrue(x.verdict().summary().startsWith("no thread was ever migrated"), x.verdict().summary());
        assertTrue(x.endState().handles().isEmpty());
    }

    @Test
    void kmeans4HasTheSilentPinReleaseNotAHang() throws IOException {
        // the pin of the page-mine case logs only its release: a '>>[83] P' with no fault of 83 open
        Explanation x = Explainer.explain(SharedTraces.dir().resolve("kmeans-4"),
                new Explainer.Options(List.of(P), true, s -> { }, null));
        assertTrue(x.pages().getFirst().facts().stream().anyMatch(f -> f.pid() != null && f.pid() == 83
                && f.model().contains("PageServerPutUserpage") && f.note() != null && f.note().contains("silent pin")));
    }
}
