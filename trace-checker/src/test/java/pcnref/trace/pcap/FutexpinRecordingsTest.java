package pcnref.trace.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pcnref.kmsg.RemoteFutexRequest;
import pcnref.kmsg.RemoteFutexResponse;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.RemotePageResponseShort;
import pcnref.kmsg.RemoteTaskExit;

/**
 * Our own recordings of tools/repro/futexpin on the two-node QEMU cluster (src/test/resources/runs,
 * see tools/repro/README.md "Results"): they decode cleanly, as many messages as an independent
 * count finds, and their pcaps carry the futex-pin (FP1) signature on the wire.
 */
class FutexpinRecordingsTest {
    private static final long A = 0x3ff7ff9000L;   // the futex page in every futexpin run
    private static final int RETRY = 0x400;        // VM_FAULT_RETRY in REMOTE_PAGE_RESPONSE_SHORT.result

    private static Path run(String name) throws URISyntaxException {
        Path p = Path.of(FutexpinRecordingsTest.class.getResource("/runs/" + name + "/node0.pcap").toURI());
        assertTrue(Files.isRegularFile(p), p.toString());
        return p;
    }

    private static List<CapturedMessage> decode(Path pcap) throws Exception {
        List<CapturedMessage> all = new ArrayList<>();
        Stats st = PcapMessageReader.read(pcap, PcapOptions.defaults(), all::add);
        assertTrue(st.clean(), () -> String.join("\n", st.errors()));
        IndependentCount.Result ind = IndependentCount.count(pcap, PcapOptions.DEFAULT_PORT);
        assertEquals(ind.messages(), st.messages(), "messages: reader vs independent count");
        assertEquals(all.size(), st.messages());
        return all;
    }

    /** Page requests for A sent by node `from`, optionally only those with the given fault flags. */
    private static List<CapturedMessage> requests(List<CapturedMessage> ms, int from, Long flags) {
        return ms.stream().filter(m -> m.header().fromNid() == from && m.message() instanceof RemotePageRequest r
                && r.addr() == A && (flags == null || r.faultFlags() == flags)).toList();
    }

    private static long retries(List<CapturedMessage> ms) {
        return ms.stream().filter(m -> m.header().fromNid() == 0 && m.message() instanceof RemotePageResponseShort s
                && s.addr() == A && s.result() == RETRY).count();
    }

    @Test
    void claimHasThePinsOwnClaimThenTheRetryStorm() throws Exception {
        List<CapturedMessage> ms = decode(run("futexpin-claim-1"));
        List<CapturedMessage> pin = requests(ms, 0, 0L);        // only page_server_get_userpage sends flags 0
        assertEquals(1, pin.size(), "pin claims");
        assertEquals(105, pin.get(0).frameNumber());
        assertEquals(399, retries(ms), "0x400 answers to node 1's write retries");
    }

    @Test
    void originTakesItsReadCopyByAnOrdinaryFaultNotByThePin() throws Exception {
        List<CapturedMessage> ms = decode(run("futexpin-origin-1"));
        assertEquals(0, requests(ms, 0, 0L).size(), "no pin claim: main's user-space read took the copy");
        List<CapturedMessage> read = requests(ms, 0, 0x54L);
        assertEquals(1, read.size());
        assertEquals(101, read.get(0).frameNumber());
        assertEquals(394, retries(ms));
    }

    @Test
    void forwardedWaitIsNeverAnswered() throws Exception {
        List<CapturedMessage> ms = decode(run("futexpin-forwarded-1"));
        List<CapturedMessage> fut = ms.stream().filter(m -> m.message() instanceof RemoteFutexRequest f
                && f.uaddr() == A && f.op() == 0 && m.header().fromNid() == 1).toList();
        assertEquals(1, fut.size(), "shared FUTEX_WAIT forwarded 1 -> 0");
        assertEquals(55, fut.get(0).frameNumber());
        List<CapturedMessage> pin = requests(ms, 0, 0L);
        assertEquals(1, pin.size(), "the home task's pin claims the page");
        assertEquals(60, pin.get(0).frameNumber());
        assertEquals(0, ms.stream().filter(m -> m.message() instanceof RemoteFutexResponse).count(), "FUTEX_RESPONSE");
    }

    /** 360 s run: node 1 gives up after wait_at_station's 300 s, oopses, and its thread exits (process-vma B4). */
    @Test
    void forwardedWaitTimesOutAtTheRemoteThenTheThreadExits() throws Exception {
        List<CapturedMessage> ms = decode(run("futexpin-forwarded-2"));
        List<CapturedMessage> fut = ms.stream().filter(m -> m.message() instanceof RemoteFutexRequest f
                && f.uaddr() == A && f.op() == 0).toList();
        assertEquals(1, fut.size());
        assertEquals(1, requests(ms, 0, 0L).size(), "pin claims");
        assertEquals(0, ms.stream().filter(m -> m.message() instanceof RemoteFutexResponse).count(), "FUTEX_RESPONSE");
        List<CapturedMessage> exit = ms.stream().filter(m -> m.message() instanceof RemoteTaskExit).toList();
        assertEquals(1, exit.size(), "TASK_EXIT_REMOTE");
        long waited = exit.get(0).timestampMicros() - fut.get(0).timestampMicros();
        assertTrue(waited >= 300_000_000L && waited < 330_000_000L, "FUTEX_REQUEST to TASK_EXIT_REMOTE: " + waited + " us");
    }
}
