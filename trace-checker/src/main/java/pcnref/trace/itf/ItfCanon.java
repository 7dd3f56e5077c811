package pcnref.trace.itf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pcnref.canon.CValue;

/**
 * ITF values to and from pcn-ref's canonical TLA+ values ({@link CValue}).
 *
 * <p>To CValue: lists and tuples become sequences (TLA+ has one notion), sets are sorted, a map whose
 * domain is 1..n becomes a sequence (as {@link CValue#fun} does), integers must fit a long, and an
 * {@code #unserializable} value is an error. From CValue: a sequence is written as a list, a
 * function as a #map, a record as an object. So CValue -> ITF -> CValue is the identity, and
 * ITF -> CValue -> ITF is the identity up to tuple/list, set order and record field order.
 */
public final class ItfCanon {
    private ItfCanon() {
    }

    public static CValue toCanon(ItfValue v) {
        return toCanon(v, "");
    }

    private static CValue toCanon(ItfValue v, String where) {
        return switch (v) {
            case ItfValue.Bool b -> CValue.bool(b.value());
            case ItfValue.Int i -> {
                if (i.value().bitLength() > 63) throw new ItfFormatException(where, "integer " + i.value() + " does not fit 64 bits");
                yield CValue.num(i.value().longValue());
            }
            case ItfValue.Str s -> CValue.str(s.value());
            case ItfValue.Seq s -> CValue.seq(all(s.elems(), where));
            case ItfValue.Tup t -> CValue.seq(all(t.elems(), where));
            case ItfValue.Set s -> CValue.set(all(s.elems(), where));
            case ItfValue.MapV m -> {
                Map<CValue, CValue> map = new TreeMap<>();
                int i = 0;
                for (ItfValue.Entry e : m.entries()) {
                    CValue k = toCanon(e.key(), where + "/#map/" + i + "/0");
                    if (map.put(k, toCanon(e.value(), where + "/#map/" + i + "/1")) != null) {
                        throw new ItfFormatException(where + "/#map/" + i, "duplicate key " + k);
                    }
                    i++;
                }
                yield CValue.fun(map);
            }
            case ItfValue.Rec r -> {
                Map<String, CValue> f = new LinkedHashMap<>();
                r.fields().forEach((k, x) -> f.put(k, toCanon(x, where + "/" + k)));
                yield CValue.rec(f);
            }
            case ItfValue.Unserializable u -> throw new ItfFormatException(where, "#unserializable value: " + u.text());
        };
    }

    private static List<CValue> all(List<ItfValue> vs, String where) {
        List<CValue> l = new ArrayList<>(vs.size());
        for (int i = 0; i < vs.size(); i++) l.add(toCanon(vs.get(i), where + "/" + i));
        return l;
    }

    public static ItfValue fromCanon(CValue v) {
        return switch (v) {
            case CValue.CBool b -> new ItfValue.Bool(b.value());
            case CValue.CInt i -> ItfValue.Int.of(i.value());
            case CValue.CStr s -> new ItfValue.Str(s.value());
            case CValue.CSeq s -> new ItfValue.Seq(s.elems().stream().map(ItfCanon::fromCanon).toList());
            case CValue.CSet s -> new ItfValue.Set(s.elems().stream().map(ItfCanon::fromCanon).toList());
            case CValue.CRec r -> {
                Map<String, ItfValue> f = new LinkedHashMap<>();
                r.fields().forEach((k, x) -> f.put(k, fromCanon(x)));
                yield new ItfValue.Rec(f);
            }
            case CValue.CFun f -> {
                List<ItfValue.Entry> es = new ArrayList<>();
                f.map().forEach((k, x) -> es.add(new ItfValue.Entry(fromCanon(k), fromCanon(x))));
                yield new ItfValue.MapV(es);
            }
        };
    }

    /** Each state of a trace as one canonical record of its variables. */
    public static List<CValue.CRec> states(ItfTrace t) {
        List<CValue.CRec> l = new ArrayList<>(t.states().size());
        for (int i = 0; i < t.states().size(); i++) {
            Map<String, CValue> f = new TreeMap<>();
            for (Map.Entry<String, ItfValue> e : t.states().get(i).values().entrySet()) {
                f.put(e.getKey(), toCanon(e.getValue(), "states/" + i + "/" + e.getKey()));
            }
            l.add(CValue.rec(f));
        }
        return l;
    }

    /** A trace of canonical states (each a record of variables); state i gets {"#meta": {"index": i}}. */
    public static ItfTrace trace(List<String> vars, List<CValue.CRec> states) {
        List<ItfTrace.State> out = new ArrayList<>();
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        for (int i = 0; i < states.size(); i++) {
            Map<String, ItfValue> m = new LinkedHashMap<>();
            for (String v : vars) {
                CValue x = states.get(i).fields().get(v);
                if (x == null) throw new IllegalArgumentException("state " + i + " has no variable " + v);
                m.put(v, fromCanon(x));
            }
            out.add(new ItfTrace.State(f.objectNode().put("index", i), m));
        }
        return new ItfTrace(f.objectNode().put("format", "ITF").put("source", "pcn-ref"), List.of(), vars, out, null);
    }
}
