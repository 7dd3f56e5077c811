package pcnref.trace.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pcnref.kmsg.PageContents;
import pcnref.kmsg.PcnKmsgType;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.RemotePageResponse;
import pcnref.trace.SharedTraces;
import pcnref.trace.dmesg.DmesgReader;
import pcnref.trace.ftrace.FtraceReader;
import pcnref.trace.pcap.PcapMessageReader;
import pcnref.trace.pcap.PcapOptions;

/** Every event the readers produce from the real recordings validates against trace-event.schema.json. */
class EventJsonSchemaTest {
    private static JsonSchema schema;
    private static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = EventJson.class.getResourceAsStream("/trace-event.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(String json) throws IOException {
        return schema.validate(M.readTree(json));
    }

    @Test
    void schemaNamesEveryKind() throws IOException {
        Set<String> inSchema = new HashSet<>();
        try (InputStream in = EventJson.class.getResourceAsStream("/trace-event.schema.json")) {
            for (JsonNode alt : M.readTree(in).get("oneOf")) inSchema.add(alt.at("/properties/kind/const").asText());
        }
        assertEquals(new HashSet<>(EventKinds.all()), inSchema);
    }

    @Test
    void everyEventFromTheRecordingsValidates() throws IOException {
        List<Path> files = new ArrayList<>(SharedTraces.files(".ftrace.txt"));
        files.addAll(SharedTraces.files(".dmesg.txt"));
        files.addAll(SharedTraces.files(".pcap"));
        Set<String> kindsSeen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            List<TraceEvent> events = new ArrayList<>();
            if (f.toString().endsWith(".ftrace.txt")) FtraceReader.read(f, null, events::add);
            else if (f.toString().endsWith(".pcap")) {
                Integer node = pcnref.trace.Nodes.fromFileName(f);
                PcapMessageReader.read(f, PcapOptions.defaults(), m -> events.add(MessageEvent.of(m, node)));
            } else DmesgReader.read(f, null, events::add);
            for (TraceEvent e : events) {
                String json = EventJson.toJson(e);
                kindsSeen.add(e.kind());
                Set<ValidationMessage> errs = validate(json);
                if (!errs.isEmpty() && failures.size() < 10) failures.add(json + " -> " + errs);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(kindsSeen.containsAll(List.of("message", "pgfault", "fault_begin", "fault_step", "logged_message", "vma",
                "migration", "task_exit", "node_setup")), kindsSeen.toString());
    }

    @Test
    void messageEventsValidateAndPagesAreSummarised() throws IOException {
        byte[] page = new byte[PageContents.PAGE_SIZE];
        page[7] = 1;
        TraceEvent resp = new MessageEvent(Source.frame("n0.pcap", 12, 4096), 0, 1_000L, Clock.CAPTURE, Direction.SENT, 0,
                PcnKmsgType.REMOTE_PAGE_RESPONSE, 12, 4130, "10.4.4.100:30467", "10.4.4.101:37784",
                new RemotePageResponse(85, 83, 3, 0x3fffffe000L, 0, new PageContents.Bytes(page)));
        String json = EventJson.toJson(resp);
        assertEquals(Set.of(), validate(json));
        JsonNode n = M.readTree(json);
        assertEquals(1, n.at("/message/page/nonZero").asInt());
        assertEquals("message", n.get("kind").asText());
        TraceEvent req = new MessageEvent(Source.frame("n0.pcap", 3, 0), null, 0, Clock.CAPTURE, null, 1,
                PcnKmsgType.REMOTE_PAGE_REQUEST, 11, 58, "a:1", "b:2",
                new RemotePageRequest(86, 1, 83, 0x3fffffe000L, 0x55, 0x401db5, 0, 0));
        assertEquals(Set.of(), validate(EventJson.toJson(req)));
    }

    @Test
    void theSchemaRejectsWhatItShould() throws IOException {
        String good = EventJson.toJson(new FaultBegin(Source.line("f", 3), 0, 5, Clock.BOOT, 83, 0x3fffffe000L, 'W',
                0x401db5, 0x55, 0x8000000000000065L));
        assertEquals(Set.of(), validate(good));
        assertTrue(good.contains("\"pteFlags\":\"0x8000000000000065\""), good);
        ObjectNode n = (ObjectNode) M.readTree(good);
        n.remove("pid");
        assertFalse(validate(n.toString()).isEmpty(), "missing pid");
        n = (ObjectNode) M.readTree(good);
        n.put("rw", "X");
        assertFalse(validate(n.toString()).isEmpty(), "rw X");
        n = (ObjectNode) M.readTree(good);
        n.put("kind", "nonsense");
        assertFalse(validate(n.toString()).isEmpty(), "unknown kind");
        n = (ObjectNode) M.readTree(good);
        n.put("addr", 12);
        assertFalse(validate(n.toString()).isEmpty(), "address as number");
        n = (ObjectNode) M.readTree(good);
        n.put("extra", 1);
        assertFalse(validate(n.toString()).isEmpty(), "unknown field");
    }
}
