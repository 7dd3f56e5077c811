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
import pcnref.kmsg.PageContents;

/**
 * NDJSON of {@link TraceEvent}s: one JSON object per line, absent (null) fields left out. A page's 4096
 * bytes are summarised ({@code {"bytes":4096,"nonZero":n,"crc32":"..."}}) so that a line stays short.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .addModule(new SimpleModule("pcn-trace").addSerializer(PageContents.class, new PageSerializer()))
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

    static final class PageSerializer extends StdSerializer<PageContents> {
        PageSerializer() {
            super(PageContents.class);
        }

        @Override
        public void serialize(PageContents p, JsonGenerator g, SerializerProvider sp) throws IOException {
            switch (p) {
                case PageContents.Value v -> g.writeNumber(v.value());
                case PageContents.Bytes b -> {
                    int nonZero = 0;
                    for (byte x : b.bytes()) if (x != 0) nonZero++;
                    CRC32 crc = new CRC32();
                    crc.update(b.bytes());
                    g.writeStartObject();
                    g.writeNumberField("bytes", b.bytes().length);
                    g.writeNumberField("nonZero", nonZero);
                    g.writeStringField("crc32", String.format("%08x", crc.getValue()));
                    g.writeEndObject();
                }
            }
        }
    }
}
