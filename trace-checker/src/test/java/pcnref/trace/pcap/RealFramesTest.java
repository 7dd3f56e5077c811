package pcnref.trace.pcap;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import pcnref.kmsg.*;
import pcnref.wire.DecodedKmsg;
import pcnref.wire.PcnKmsgCodec;

/** Golden tests on real frames: every message of every capture re-encodes byte for byte; known fields. */
class RealFramesTest {
    @Test
    void everyRealFrameReencodesByteExact() throws Exception {
        Map<String, Integer> stale = new TreeMap<>();
        long n = 0;
        for (Path pcap : SharedTraces.pcaps()) {
            for (byte[] frame : IndependentCount.count(pcap, PcapOptions.DEFAULT_PORT).frames()) {
                DecodedKmsg d = PcnKmsgCodec.decode(frame);
                assertArrayEquals(frame, PcnKmsgCodec.encode(d.header(), d.message()), pcap + ": " + d.header());
                n++;
                survey(d.message(), stale);
            }
        }
        assertTrue(n > 10000, "decoded " + n);
        System.out.println("real frames re-encoded byte-exact: " + n + "; non-zero stale bytes: " + stale);
    }

    /** Counts the kinds of stale (uninitialised) bytes the kernel put on the wire. */
    private static void survey(PcnKmsg m, Map<String, Integer> stale) {
        switch (m) {
            case CloneRequest c -> {
                if (c.exePath().hasStaleBytes()) stale.merge("clone.exe_path after NUL", 1, Integer::sum);
                arch("clone", c.arch(), stale);
            }
            case BackMigrationRequest b -> arch("back", b.arch(), stale);
            case VmaInfoResponse v -> {
                if (v.vmFilePath().hasStaleBytes()) stale.merge("vma_info.vm_file_path after NUL", 1, Integer::sum);
                if (v.result() != 0) stale.merge("vma_info.result=" + v.result(), 1, Integer::sum);
            }
            case VmaOpRequest v -> {
                if (v.path().hasStaleBytes()) stale.merge("vma_op.path after NUL", 1, Integer::sum);
            }
            case NodeInfo ni -> {
                if (ni.bundleId() != 0) stale.merge("node_info.bundle_id", 1, Integer::sum);
            }
            case RemotePageRequest r -> {
                if (r.rdmaAddr() != 0 || r.rdmaKey() != 0) stale.merge("page_request.rdma", 1, Integer::sum);
            }
            default -> {
            }
        }
    }

    private static void arch(String what, FieldArch a, Map<String, Integer> stale) {
        if (!a.oob().isAllZero()) stale.merge(what + ".oob", 1, Integer::sum);
        if (a.fpuActive() != 0) stale.merge(what + ".fpu_active=" + a.fpuActive(), 1, Integer::sum);
        if (!a.padding().isAllZero()) stale.merge(what + ".padding", 1, Integer::sum);
        if (!a.regsTail().isAllZero()) stale.merge(what + ".union tail", 1, Integer::sum);
        if (!a.regsX86().pad().isAllZero()) stale.merge(what + ".regs pad", 1, Integer::sum);
    }

    /** ft2a-1: node 1 connects to node 0; NODE_INFO first both ways; one TASK_MIGRATE of /bin/ft2a... */
    @Test
    void ft2aConversationFields() throws Exception {
        Path pcap = SharedTraces.tracesDir().resolve("ft2a-1/node0.pcap");
        List<CapturedMessage> all = PcapMessageReader.readAll(pcap, PcapOptions.defaults());
        assertEquals(44, all.size());
        List<CapturedMessage> infos = new ArrayList<>();
        for (CapturedMessage m : all) if (m.message() instanceof NodeInfo) infos.add(m);
        assertEquals(2, infos.size());
        for (CapturedMessage m : infos) {
            NodeInfo ni = (NodeInfo) m.message();
            assertEquals(0, m.streamOffset(), "NODE_INFO opens each direction");
            assertEquals(m.header().fromNid(), ni.nid());
            assertEquals(NodeInfo.POPCORN_ARCH_X86, ni.arch());
            assertEquals(1, m.header().prio());
            assertEquals(m.srcIp().equals("10.4.4.100") ? 0 : 1, ni.nid());
            assertTrue(m.srcPort() == 30467 || m.dstPort() == 30467);
        }
        CloneRequest clone = (CloneRequest) all.stream().filter(m -> m.message() instanceof CloneRequest).findFirst()
                .orElseThrow().message();
        assertTrue(clone.exePath().text().endsWith("ft2a"), clone.exePath().text());
        assertNotEquals(0, clone.arch().regsX86().rip());
        assertNotEquals(0, clone.arch().regsX86().rsp());
        // the remote's page requests carry the node-0 pid of the migrated thread, and the socket transport no RDMA
        for (CapturedMessage m : all) {
            if (m.message() instanceof RemotePageRequest r) {
                assertEquals(0, r.rdmaAddr());
                assertEquals(0, r.addr() & 0xfff, "page-aligned");
            }
        }
        long prev = 0;
        for (CapturedMessage m : all) {
            assertTrue(m.frameNumber() >= prev, "messages come in frame order");
            prev = m.frameNumber();
        }
    }
}
