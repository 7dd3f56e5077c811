package pcnref.trace.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.zip.CRC32;
import pcnref.kmsg.FixedString;
import pcnref.kmsg.PageContents;
import pcnref.kmsg.PcnKmsg;
import pcnref.kmsg.RawBytes;

/**
 * NDJSON of {@link TraceEvent}s: one JSON object per line, absent (null) fields left out. A page's 4096
 * bytes, and any opaque byte array longer than {@value #SHORT_BYTES} bytes, are summarised
 * ({@code {"bytes":4096,"nonZero":n,"crc32":"..."}}) so that a line stays short; shorter arrays are
 * hex strings; a kernel char array (FixedString) is its text. In a message record (and the records
 * nested in it), every {@code long} component (a C unsigned long / u64: addresses, flags, lengths) is a
 * "0x..." string, as addresses are everywhere in the format; int components are numbers.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .addModule(new SimpleModule("pcn-trace")
                    .addSerializer(PcnKmsg.class, new KmsgSerializer())
                    .addSerializer(PageContents.class, new PageSerializer())
                    .addSerializer(RawBytes.class, new RawBytesSerializer())
                    .addSerializer(FixedString.class, new FixedStringSerializer()))
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One event as one line of JSON, without the newline. */
    public static String toJson(TraceEvent e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Appends one NDJSON line. */
    public static void write(Writer out, TraceEvent e) throws IOException {
        out.write(toJson(e));
        out.write('\n');
    }

    /** Byte arrays up to this length are written in full, as hex. */
    public static final int SHORT_BYTES = 64;

    private static void summary(JsonGenerator g, byte[] bytes) throws IOException {
        int nonZero = 0;
        for (byte x : bytes) if (x != 0) nonZero++;
        CRC32 crc = new CRC32();
        crc.update(bytes);
        g.writeStartObject();
        g.writeNumberField("bytes", bytes.length);
        g.writeNumberField("nonZero", nonZero);
        g.writeStringField("crc32", String.format("%08x", crc.getValue()));
        g.writeEndObject();
    }

    /** A pcnref.kmsg record: its components in declaration order, longs as 0x strings, nested records alike. */
    static final class KmsgSerializer extends StdSerializer<PcnKmsg> {
        KmsgSerializer() {
            super(PcnKmsg.class);
        }

        @Override
        public void serialize(PcnKmsg m, JsonGenerator g, SerializerProvider sp) throws IOException {
            record(m, g, sp);
        }

        private static void record(Object r, JsonGenerator g, SerializerProvider sp) throws IOException {
            g.writeStartObject();
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
                }
                g.writeFieldName(c.getName());
                value(v, g, sp);
            }
            g.writeEndObject();
        }

        private static void value(Object v, JsonGenerator g, SerializerProvider sp) throws IOException {
            switch (v) {
                case null -> g.writeNull();
                case Long l -> g.writeString("0x" + Long.toHexString(l));
                case long[] a -> {
                    g.writeStartArray();
                    for (long l : a) g.writeString("0x" + Long.toHexString(l));
                    g.writeEndArray();
                }
                case java.util.List<?> l -> {
                    g.writeStartArray();
                    for (Object x : l) value(x, g, sp);
                    g.writeEndArray();
                }
                case Record rec when !(rec instanceof PageContents) && !(rec instanceof FixedString) -> record(rec, g, sp);
                default -> sp.defaultSerializeValue(v, g);
            }
        }
    }

    static final class RawBytesSerializer extends StdSerializer<RawBytes> {
        RawBytesSerializer() {
            super(RawBytes.class);
        }

        @Override
        public void serialize(RawBytes r, JsonGenerator g, SerializerProvider sp) throws IOException {
            byte[] b = r.toByteArray();
            if (b.length <= SHORT_BYTES) g.writeString(java.util.HexFormat.of().formatHex(b));
            else summary(g, b);
        }
    }

    static final class FixedStringSerializer extends StdSerializer<FixedString> {
        FixedStringSerializer() {
            super(FixedString.class);
        }

        @Override
        public void serialize(FixedString f, JsonGenerator g, SerializerProvider sp) throws IOException {
            g.writeString(f.text());
        }
    }

    static final class PageSerializer extends StdSerializer<PageContents> {
        PageSerializer() {
            super(PageContents.class);
        }

        @Override
        public void serialize(PageContents p, JsonGenerator g, SerializerProvider sp) throws IOException {
            switch (p) {
                case PageContents.Value v -> g.writeNumber(v.value());
                case PageContents.Bytes b -> summary(g, b.bytes());
            }
        }
    }
}
