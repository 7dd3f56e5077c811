package pcnref.trace.pcap;

import static org.junit.jupiter.api.Assertions.*;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import pcnref.wire.PcnKmsgCodec;

/**
 * Jazzer fuzz test of the pcap reader: any bytes give either a one-line PcapException or Stats whose
 * errors are one line each, and every message delivered re-encodes to its header's size. Regression
 * mode (plain mvn verify) replays the seeds in src/test/resources/pcnref/trace/pcap/PcapFuzzTestInputs
 * (the first frames of a real capture, a whole 832-byte real capture); the {@code fuzz-pcap} surefire
 * execution fuzzes for a few seconds with JAZZER_FUZZ=1.
 */
class PcapFuzzTest {
    private static final Path LABEL = Path.of("fuzz.pcap");

    @FuzzTest(maxDuration = "5s")
    void readerNeverCrashes(byte[] data) {
        PcapOptions opts = new PcapOptions(PcapOptions.DEFAULT_PORT, 1 << 16, 5);
        Stats st;
        try {
            st = PcapMessageReader.read(new ByteArrayInputStream(data), LABEL, opts, m -> {
                assertEquals(m.header().size(), PcnKmsgCodec.encode(m.header(), m.message()).length);
                assertTrue(m.frameNumber() >= 1);
            });
        } catch (PcapException e) {
            assertTrue(e.getMessage().startsWith("fuzz.pcap: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        for (String e : st.errors()) {
            assertTrue(e.startsWith("fuzz.pcap: "), e);
            assertFalse(e.contains("\n"), e);
        }
        assertTrue(st.errors().size() <= 5 && st.errorCount() >= st.errors().size());
    }
}
