package pcnref.trace.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pcnref.kmsg.PcnKmsgType;
import pcnref.wire.PcnKmsgCodec;

/** Every real capture decodes completely, and as many messages as an independent count finds. */
class TracesDecodeTest {
    @TestFactory
    List<DynamicTest> everyCaptureDecodes() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path pcap : SharedTraces.pcaps()) {
            Path rel = SharedTraces.tracesDir().relativize(pcap);
            tests.add(DynamicTest.dynamicTest(rel.toString(), () -> check(pcap)));
        }
        return tests;
    }

    private static void check(Path pcap) throws Exception {
        Map<String, Integer> byType = new TreeMap<>();
        List<CapturedMessage> bad = new ArrayList<>();
        Stats st = PcapMessageReader.read(pcap, PcapOptions.defaults(), m -> {
            byType.merge(m.message().type().name(), 1, Integer::sum);
            if (m.message().type().value != m.header().type() || m.header().fromNid() < 0) bad.add(m);
        });
        IndependentCount.Result ind = IndependentCount.count(pcap, PcapOptions.DEFAULT_PORT);
        System.out.printf("%-32s frames %5d segs %5d payload %8d messages %5d retrans %d ooo %d incomplete %d errors %d %s%n",
                pcap.getParent().getFileName() + "/" + pcap.getFileName(), st.frames(), st.tcpSegments(), st.payloadBytes(),
                st.messages(), st.retransmitted(), st.outOfOrder(), st.incompleteBytes(), st.errorCount(), byType);
        assertTrue(st.clean(), () -> String.join("\n", st.errors()));
        assertEquals(ind.messages(), st.messages(), "messages: reader vs independent count");
        assertEquals(ind.leftoverBytes(), st.incompleteBytes(), "bytes left unframed");
        assertTrue(bad.isEmpty(), () -> "record type differs from header: " + bad.get(0));
        TreeSet<Integer> unknown = new TreeSet<>();
        for (int t : ind.types()) {
            if (PcnKmsgCodec.structSize(t) < 0 || PcnKmsgType.of(t) == null) unknown.add(t);
        }
        assertTrue(unknown.isEmpty(), "types without a record: " + unknown);
        assertNotNull(st.errors());
    }
}
