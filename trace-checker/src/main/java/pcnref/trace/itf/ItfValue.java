package pcnref.trace.itf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of the Informal Trace Format (ITF) of Apalache and Quint
 * (https://apalache-mc.org/docs/adr/015adr-trace.html), exactly as the JSON says it: a tuple stays a
 * tuple, a set keeps its written order, a record keeps its field order. {@link ItfCanon} converts to
 * and from pcn-ref's canonical {@code CValue}s, where such distinctions disappear.
 */
public sealed interface ItfValue {
    /** JSON true / false. */
    record Bool(boolean value) implements ItfValue {
    }

    /** A JSON number, or {"#bigint": "-123"} for integers outside [-(2^53-1), 2^53-1]. */
    record Int(BigInteger value) implements ItfValue {
        public static Int of(long v) {
            return new Int(BigInteger.valueOf(v));
        }
    }

    /** A JSON string. */
    record Str(String value) implements ItfValue {
    }

    /** A JSON array: a TLA+ / Quint sequence (list). */
    record Seq(List<ItfValue> elems) implements ItfValue {
        public Seq {
            elems = List.copyOf(elems);
        }
    }

    /** {"#tup": [...]}. */
    record Tup(List<ItfValue> elems) implements ItfValue {
        public Tup {
            elems = List.copyOf(elems);
        }
    }

    /** {"#set": [...]}, in written order. */
    record Set(List<ItfValue> elems) implements ItfValue {
        public Set {
            elems = List.copyOf(elems);
        }
    }

    /** {"#map": [[k, v], ...]}, in written order. */
    record MapV(List<Entry> entries) implements ItfValue {
        public MapV {
            entries = List.copyOf(entries);
        }
    }

    /** One key/value pair of a {@link MapV}. */
    record Entry(ItfValue key, ItfValue value) {
    }

    /** A JSON object whose keys do not start with '#': a record, in written field order. */
    record Rec(Map<String, ItfValue> fields) implements ItfValue {
        public Rec {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** {"#unserializable": "..."}: a value the tool could not write (e.g. an infinite set), kept as its text. */
    record Unserializable(String text) implements ItfValue {
    }

    static Seq seq(ItfValue... vs) {
        return new Seq(List.of(vs));
    }

    static Tup tup(ItfValue... vs) {
        return new Tup(List.of(vs));
    }

    static Set set(ItfValue... vs) {
        return new Set(List.of(vs));
    }

    static Int num(long v) {
        return Int.of(v);
    }

    static Str str(String s) {
        return new Str(s);
    }

    /** A record from alternating name, value arguments. */
    static Rec rec(Object... nameValue) {
        Map<String, ItfValue> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], (ItfValue) nameValue[i + 1]);
        return new Rec(m);
    }

    /** A map from alternating key, value arguments. */
    static MapV map(ItfValue... keyValue) {
        List<Entry> l = new ArrayList<>();
        for (int i = 0; i < keyValue.length; i += 2) l.add(new Entry(keyValue[i], keyValue[i + 1]));
        return new MapV(l);
    }
}
