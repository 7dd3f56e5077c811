package pcnref.trace.itf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes ITF (Informal Trace Format, Apalache ADR-015, also written by Quint).
 *
 * <p>Integers: written as JSON numbers when within [-(2^53-1), 2^53-1] (exact in every JSON reader),
 * else as {"#bigint": "..."}; with {@code bigintAlways} every integer is a #bigint, as Quint writes
 * them. Both forms are read.
 */
public final class Itf {
    /** 2^53 - 1: the largest integer a JSON double holds exactly. */
    static final BigInteger MAX_SAFE = BigInteger.valueOf((1L << 53) - 1);

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Itf() {
    }

    // ------------------------------------------------------------------ reading

    public static ItfTrace read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static ItfTrace read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ItfFormatException("", "not JSON: " + e.getOriginalMessage());
        }
        return trace(root);
    }

    public static ItfTrace parse(String json) {
        try {
            return trace(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new ItfFormatException("", "not JSON: " + e.getOriginalMessage());
        }
    }

    /** One ITF value from its JSON text. */
    public static ItfValue parseValue(String json) {
        try {
            return value(MAPPER.readTree(json), "");
        } catch (JsonProcessingException e) {
            throw new ItfFormatException("", "not JSON: " + e.getOriginalMessage());
        }
    }

    static ItfTrace trace(JsonNode root) {
        if (root == null || !root.isObject()) throw new ItfFormatException("", "a trace is a JSON object");
        ObjectNode meta = null;
        if (root.has("#meta")) {
            if (!root.get("#meta").isObject()) throw new ItfFormatException("#meta", "must be an object");
            meta = (ObjectNode) root.get("#meta");
        }
        List<String> params = root.has("params") ? names(root.get("params"), "params") : List.of();
        if (!root.has("vars")) throw new ItfFormatException("", "missing \"vars\"");
        List<String> vars = names(root.get("vars"), "vars");
        JsonNode states = root.get("states");
        if (states == null || !states.isArray()) throw new ItfFormatException("states", "missing or not an array");
        List<ItfTrace.State> out = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            JsonNode s = states.get(i);
            String where = "states/" + i;
            if (!s.isObject()) throw new ItfFormatException(where, "a state is an object");
            ObjectNode smeta = null;
            Map<String, ItfValue> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("#meta")) {
                    if (!e.getValue().isObject()) throw new ItfFormatException(where + "/#meta", "must be an object");
                    smeta = (ObjectNode) e.getValue();
                } else {
                    values.put(e.getKey(), value(e.getValue(), where + "/" + e.getKey()));
                }
            }
            for (String v : vars) {
                if (!values.containsKey(v)) throw new ItfFormatException(where, "variable \"" + v + "\" missing");
            }
            out.add(new ItfTrace.State(smeta, values));
        }
        Integer loop = null;
        if (root.has("loop") && !root.get("loop").isNull()) {
            JsonNode l = root.get("loop");
            if (!l.canConvertToInt() || !l.isIntegralNumber() || l.asInt() < 0 || l.asInt() >= Math.max(1, out.size())) {
                throw new ItfFormatException("loop", "not a state index: " + l);
            }
            loop = l.asInt();
        }
        return new ItfTrace(meta, params, vars, out, loop);
    }

    private static List<String> names(JsonNode n, String where) {
        if (!n.isArray()) throw new ItfFormatException(where, "must be an array of names");
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) throw new ItfFormatException(where + "/" + i, "a name is a string");
            l.add(n.get(i).asText());
        }
        return l;
    }

    /** One ITF expression; {@code where} is its JSON path, for messages. */
    static ItfValue value(JsonNode n, String where) {
        switch (n.getNodeType()) {
            case BOOLEAN:
                return new ItfValue.Bool(n.booleanValue());
            case NUMBER:
                if (!n.isIntegralNumber()) {
                    // ITF has no fractions; 3.0 from a lax writer is still an integer
                    if (n.decimalValue().stripTrailingZeros().scale() > 0) {
                        throw new ItfFormatException(where, "not an integer: " + n);
                    }
                    return new ItfValue.Int(n.decimalValue().toBigIntegerExact());
                }
                return new ItfValue.Int(n.bigIntegerValue());
            case STRING:
                return new ItfValue.Str(n.textValue());
            case ARRAY:
                return new ItfValue.Seq(elems(n, where));
            case OBJECT:
                return object((ObjectNode) n, where);
            default:
                throw new ItfFormatException(where, "not an ITF value: " + n.getNodeType());
        }
    }

    private static List<ItfValue> elems(JsonNode arr, String where) {
        List<ItfValue> l = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) l.add(value(arr.get(i), where + "/" + i));
        return l;
    }

    private static ItfValue object(ObjectNode o, String where) {
        if (o.size() == 1) {
            String k = o.fieldNames().next();
            JsonNode v = o.get(k);
            String w = where + "/" + k;
            switch (k) {
                case "#bigint" -> {
                    if (!v.isTextual() || !v.textValue().matches("-?[0-9]+")) {
                        throw new ItfFormatException(w, "a #bigint is a string of decimal digits");
                    }
                    return new ItfValue.Int(new BigInteger(v.textValue()));
                }
                case "#tup" -> {
                    if (!v.isArray()) throw new ItfFormatException(w, "must be an array");
                    return new ItfValue.Tup(elems(v, w));
                }
                case "#set" -> {
                    if (!v.isArray()) throw new ItfFormatException(w, "must be an array");
                    return new ItfValue.Set(elems(v, w));
                }
                case "#map" -> {
                    if (!v.isArray()) throw new ItfFormatException(w, "must be an array of [key, value] pairs");
                    List<ItfValue.Entry> es = new ArrayList<>(v.size());
                    for (int i = 0; i < v.size(); i++) {
                        JsonNode p = v.get(i);
                        if (!p.isArray() || p.size() != 2) {
                            throw new ItfFormatException(w + "/" + i, "a map entry is a [key, value] pair");
                        }
                        es.add(new ItfValue.Entry(value(p.get(0), w + "/" + i + "/0"), value(p.get(1), w + "/" + i + "/1")));
                    }
                    return new ItfValue.MapV(es);
                }
                case "#unserializable" -> {
                    if (!v.isTextual()) throw new ItfFormatException(w, "must be a string");
                    return new ItfValue.Unserializable(v.textValue());
                }
                default -> {
                    // a one-field record, unless the field is an unknown #directive
                }
            }
        }
        Map<String, ItfValue> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("#")) {
                throw new ItfFormatException(where + "/" + e.getKey(), "unknown ITF directive or record field starting with '#'");
            }
            fields.put(e.getKey(), value(e.getValue(), where + "/" + e.getKey()));
        }
        return new ItfValue.Rec(fields);
    }

    // ------------------------------------------------------------------ writing

    /** The JSON of a trace. */
    public static ObjectNode toJson(ItfTrace t, boolean bigintAlways) {
        ObjectNode root = F.objectNode();
        if (t.meta() != null) root.set("#meta", t.meta().deepCopy());
        if (!t.params().isEmpty()) {
            ArrayNode p = root.putArray("params");
            t.params().forEach(p::add);
        }
        ArrayNode vars = root.putArray("vars");
        t.vars().forEach(vars::add);
        ArrayNode states = root.putArray("states");
        for (ItfTrace.State s : t.states()) {
            ObjectNode o = states.addObject();
            if (s.meta() != null) o.set("#meta", s.meta().deepCopy());
            s.values().forEach((k, v) -> o.set(k, toJson(v, bigintAlways)));
        }
        if (t.loop() != null) root.put("loop", t.loop());
        return root;
    }

    /** The JSON of one value. */
    public static JsonNode toJson(ItfValue v, boolean bigintAlways) {
        return switch (v) {
            case ItfValue.Bool b -> F.booleanNode(b.value());
            case ItfValue.Int i -> !bigintAlways && i.value().abs().compareTo(MAX_SAFE) <= 0
                    ? F.numberNode(i.value().longValue())
                    : F.objectNode().put("#bigint", i.value().toString());
            case ItfValue.Str s -> F.textNode(s.value());
            case ItfValue.Seq s -> array(s.elems(), bigintAlways);
            case ItfValue.Tup t -> F.objectNode().set("#tup", array(t.elems(), bigintAlways));
            case ItfValue.Set s -> F.objectNode().set("#set", array(s.elems(), bigintAlways));
            case ItfValue.MapV m -> {
                ArrayNode a = F.arrayNode();
                for (ItfValue.Entry e : m.entries()) {
                    a.addArray().add(toJson(e.key(), bigintAlways)).add(toJson(e.value(), bigintAlways));
                }
                yield F.objectNode().set("#map", a);
            }
            case ItfValue.Rec r -> {
                ObjectNode o = F.objectNode();
                r.fields().forEach((k, x) -> o.set(k, toJson(x, bigintAlways)));
                yield o;
            }
            case ItfValue.Unserializable u -> F.objectNode().put("#unserializable", u.text());
        };
    }

    private static ArrayNode array(List<ItfValue> vs, boolean bigintAlways) {
        ArrayNode a = F.arrayNode();
        for (ItfValue x : vs) a.add(toJson(x, bigintAlways));
        return a;
    }

    public static void write(ItfTrace t, Writer out, boolean bigintAlways) throws IOException {
        MAPPER.writeValue(out, toJson(t, bigintAlways));
    }

    public static String toString(ItfTrace t, boolean bigintAlways) {
        try {
            return MAPPER.writeValueAsString(toJson(t, bigintAlways));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
