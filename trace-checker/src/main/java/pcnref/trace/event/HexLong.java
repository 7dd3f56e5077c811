package pcnref.trace.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes addresses and flag words as "0x..." strings: they are unsigned 64-bit in the kernel
 * (PTE flags such as 8000000000000065 do not fit a signed long, nor a JSON double exactly).
 */
public final class HexLong extends StdSerializer<Long> {
    public HexLong() {
        super(Long.class);
    }

    @Override
    public void serialize(Long v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString("0x" + Long.toHexString(v));
    }
}
