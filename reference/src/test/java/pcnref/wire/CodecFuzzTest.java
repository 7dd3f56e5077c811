package pcnref.wire;

import static org.junit.jupiter.api.Assertions.*;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Jazzer fuzz test of the decoder. Plain {@code mvn verify} runs it in regression mode (the seeds in
 * src/test/resources/pcnref/wire/CodecFuzzTestInputs/decodeNeverCrashes: small real frames from
 * shared/traces, plus any crash Jazzer saved); the reference module's {@code fuzz-codec} surefire
 * execution runs it with JAZZER_FUZZ=1 for a few seconds.
 */
class CodecFuzzTest {
    /** Any bytes: either a one-line WireFormatException at an offset inside the input, or a message that re-encodes exactly. */
    @FuzzTest(maxDuration = "5s")
    void decodeNeverCrashes(byte[] data) {
        DecodedKmsg d;
        try {
            d = PcnKmsgCodec.decode(data, 0, data.length, 0);
        } catch (WireFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= data.length, e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            return;
        }
        int size = (int) d.header().size();
        assertTrue(size >= PcnKmsgHeader.SIZE && size <= data.length);
        assertArrayEquals(Arrays.copyOf(data, size), PcnKmsgCodec.encode(d.header(), d.message()));
        assertEquals(d.header().type(), d.message().type().value);
    }
}
