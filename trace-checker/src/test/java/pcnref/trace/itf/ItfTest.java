package pcnref.trace.itf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pcnref.trace.itf.ItfValue.map;
import static pcnref.trace.itf.ItfValue.num;
import static pcnref.trace.itf.ItfValue.rec;
import static pcnref.trace.itf.ItfValue.seq;
import static pcnref.trace.itf.ItfValue.set;
import static pcnref.trace.itf.ItfValue.str;
import static pcnref.trace.itf.ItfValue.tup;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import pcnref.canon.CValue;

class ItfTest {
    /** In the style of the examples of Apalache ADR-015 and of Quint's output. */
    private static final String APALACHE = """
            {
              "#meta": {"format": "ITF", "format-description": "https://apalache-mc.org/docs/adr/015adr-trace.html",
                        "description": "a counterexample"},
              "params": ["N"],
              "vars": ["pc", "owners", "msgs", "page", "big", "pair", "ok", "weird"],
              "states": [
                {"#meta": {"index": 0},
                 "pc": "idle", "owners": {"#set": [1, 0]}, "msgs": [],
                 "page": {"#map": [[{"#tup": [0, "0x3fffffe000"]}, {"state": "R", "data": 7}]]},
                 "big": {"#bigint": "123456789012345678901234567890"}, "pair": {"#tup": [1, "a"]}, "ok": true,
                 "weird": {"#unserializable": "Int"}},
                {"#meta": {"index": 1},
                 "pc": "fault", "owners": {"#set": [0]}, "msgs": [{"type": "REMOTE_PAGE_REQUEST", "from": 1}],
                 "page": {"#map": []},
                 "big": -9007199254740991, "pair": {"#tup": []}, "ok": false, "weird": {"#unserializable": "Nat"}}
              ],
              "loop": 0
            }
            """;

    @Test
    void readsTheSpecStyleExample() {
        ItfTrace t = Itf.parse(APALACHE);
        assertEquals(List.of("N"), t.params());
        assertEquals(8, t.vars().size());
        assertEquals(2, t.states().size());
        assertEquals(0, t.loop());
        assertEquals(1, t.states().get(1).meta().get("index").asInt());
        Map<String, ItfValue> s0 = t.states().get(0).values();
        assertEquals(str("idle"), s0.get("pc"));
        assertEquals(set(num(1), num(0)), s0.get("owners"));
        assertEquals(seq(), s0.get("msgs"));
        assertEquals(map(tup(num(0), str("0x3fffffe000")), rec("state", str("R"), "data", num(7))), s0.get("page"));
        assertEquals(new ItfValue.Int(new BigInteger("123456789012345678901234567890")), s0.get("big"));
        assertEquals(new ItfValue.Bool(true), s0.get("ok"));
        assertEquals(new ItfValue.Unserializable("Int"), s0.get("weird"));
        assertEquals(num(-9007199254740991L), t.states().get(1).values().get("big"));
        assertEquals(rec("type", str("REMOTE_PAGE_REQUEST"), "from", num(1)),
                ((ItfValue.Seq) t.states().get(1).values().get("msgs")).elems().get(0));
    }

    @Test
    void writesWhatItReads() {
        ItfTrace t = Itf.parse(APALACHE);
        assertEquals(t.states(), Itf.parse(Itf.toString(t, false)).states());
        assertEquals(t.states(), Itf.parse(Itf.toString(t, true)).states());
        String quint = Itf.toString(t, true);
        assertTrue(quint.contains("\"#bigint\" : \"7\""), quint);
        String apalache = Itf.toString(t, false);
        assertTrue(apalache.contains("\"data\" : 7"), apalache);
        assertTrue(apalache.contains("\"#bigint\" : \"123456789012345678901234567890\""), apalache);
        assertTrue(apalache.contains("-9007199254740991"), "2^53-1 still a JSON number");
    }

    @Test
    void convertsToCanonicalValues() {
        // a tuple and a list are both TLA+ sequences; a map on 1..n is a sequence; sets are sorted
        assertEquals(CValue.seq(List.of(CValue.num(1), CValue.str("a"))), ItfCanon.toCanon(tup(num(1), str("a"))));
        assertEquals(CValue.seq(List.of(CValue.num(1), CValue.str("a"))), ItfCanon.toCanon(seq(num(1), str("a"))));
        assertEquals(CValue.seq(List.of(CValue.str("x"), CValue.str("y"))),
                ItfCanon.toCanon(map(num(2), str("y"), num(1), str("x"))));
        assertEquals(ItfCanon.toCanon(set(num(0), num(1))), ItfCanon.toCanon(set(num(1), num(0))));
        CValue page = ItfCanon.toCanon(map(num(0), str("R"), num(5), str("W")));
        assertEquals("(0 :> \"R\" @@ 5 :> \"W\")", page.toString());
        List<CValue.CRec> states = ItfCanon.states(Itf.parse("""
                {"vars": ["x"], "states": [{"x": {"#set": [2, 1]}}, {"x": {"#set": []}}]}"""));
        assertEquals("[x |-> {1, 2}]", states.get(0).toString());
        assertEquals("[x |-> {}]", states.get(1).toString());
    }

    @Test
    void canonicalRoundTripOnRandomValues() {
        Random r = new Random(20261127);
        for (int i = 0; i < 2000; i++) {
            CValue v = randomCanon(r, 4);
            ItfValue itf = ItfCanon.fromCanon(v);
            assertEquals(v, ItfCanon.toCanon(itf), v::toString);
            // and through the JSON text, both integer styles
            assertEquals(itf, Itf.parseValue(Itf.toJson(itf, false).toString()));
            assertEquals(itf, Itf.parseValue(Itf.toJson(itf, true).toString()));
        }
    }

    @Test
    void itfRoundTripOnRandomValues() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            ItfValue v = randomItf(r, 4);
            assertEquals(v, Itf.parseValue(Itf.toJson(v, false).toString()));
            assertEquals(v, Itf.parseValue(Itf.toJson(v, true).toString()));
        }
    }

    @Test
    void traceOfCanonicalStatesRoundTrips() {
        List<CValue.CRec> states = List.of(
                CValue.rec("owner", CValue.fun(Map.of(CValue.str("n0"), CValue.TRUE, CValue.str("n1"), CValue.FALSE)),
                        "msgs", CValue.seq(List.of())),
                CValue.rec("owner", CValue.fun(Map.of(CValue.str("n0"), CValue.FALSE, CValue.str("n1"), CValue.TRUE)),
                        "msgs", CValue.seq(List.of(CValue.rec("type", CValue.str("PAGE_INVALIDATE_REQUEST"))))));
        ItfTrace t = ItfCanon.trace(List.of("owner", "msgs"), states);
        ItfTrace back = Itf.parse(Itf.toString(t, false));
        assertEquals(states, ItfCanon.states(back));
        assertEquals(1, back.states().get(1).meta().get("index").asInt());
    }

    @Test
    void errorsNameTheLocation() {
        assertMessage("states/0/x/#bigint: a #bigint is a string of decimal digits",
                "{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#bigint\":\"12a\"}}]}");
        assertMessage("states/0/x/#map/0: a map entry is a [key, value] pair",
                "{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#map\":[[1]]}}]}");
        assertMessage("states/1: variable \"x\" missing", "{\"vars\":[\"x\"],\"states\":[{\"x\":1},{\"y\":1}]}");
        assertMessage("states/0/x/#foo: unknown ITF directive or record field starting with '#'",
                "{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#foo\":1}}]}");
        assertMessage("states/0/x: not an integer: 1.5", "{\"vars\":[\"x\"],\"states\":[{\"x\":1.5}]}");
        assertMessage("states/0/x: not an ITF value: NULL", "{\"vars\":[\"x\"],\"states\":[{\"x\":null}]}");
        assertMessage("<root>: missing \"vars\"", "{\"states\":[]}");
        assertMessage("loop: not a state index: 3", "{\"vars\":[],\"states\":[{}],\"loop\":3}");
        assertTrue(assertThrows(ItfFormatException.class, () -> Itf.parse("{\"vars\":[")).getMessage()
                .startsWith("<root>: not JSON"));
        ItfFormatException big = assertThrows(ItfFormatException.class, () -> ItfCanon.states(Itf.parse(APALACHE)));
        assertEquals("states/0/big: integer 123456789012345678901234567890 does not fit 64 bits", big.getMessage());
        assertEquals("/weird: #unserializable value: Int", assertThrows(ItfFormatException.class,
                () -> ItfCanon.toCanon(rec("weird", new ItfValue.Unserializable("Int")))).getMessage());
        assertEquals("/#map/1: duplicate key 1", assertThrows(ItfFormatException.class,
                () -> ItfCanon.toCanon(map(num(1), num(1), num(1), num(2)))).getMessage());
    }

    private static void assertMessage(String expected, String json) {
        assertEquals(expected, assertThrows(ItfFormatException.class, () -> Itf.parse(json)).getMessage());
    }

    // ---- generators (seeded, so a failure reproduces)

    private static CValue randomCanon(Random r, int depth) {
        int k = r.nextInt(depth <= 0 ? 3 : 7);
        return switch (k) {
            case 0 -> CValue.bool(r.nextBoolean());
            case 1 -> CValue.num(r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(10) - 3);
            case 2 -> CValue.str(List.of("", "a", "n0", "R", "\"q\"", "é").get(r.nextInt(6)));
            case 3 -> CValue.seq(list(r, () -> randomCanon(r, depth - 1)));
            case 4 -> CValue.set(list(r, () -> randomCanon(r, depth - 1)));
            case 5 -> {
                Map<String, CValue> f = new TreeMap<>();
                for (int i = r.nextInt(3); i > 0; i--) f.put("f" + r.nextInt(4), randomCanon(r, depth - 1));
                yield CValue.rec(f);
            }
            default -> {
                Map<CValue, CValue> m = new TreeMap<>();
                for (int i = r.nextInt(4); i > 0; i--) m.put(randomCanon(r, depth - 2), randomCanon(r, depth - 1));
                yield CValue.fun(m);
            }
        };
    }

    private static ItfValue randomItf(Random r, int depth) {
        int k = r.nextInt(depth <= 0 ? 3 : 9);
        return switch (k) {
            case 0 -> new ItfValue.Bool(r.nextBoolean());
            case 1 -> r.nextInt(3) == 0 ? new ItfValue.Int(new BigInteger(90, r).subtract(BigInteger.ONE.shiftLeft(89)))
                    : num(r.nextInt(100) - 50);
            case 2 -> str(List.of("", "x", "#set", "{}", "line\nbreak").get(r.nextInt(5)));
            case 3 -> new ItfValue.Seq(list(r, () -> randomItf(r, depth - 1)));
            case 4 -> new ItfValue.Tup(list(r, () -> randomItf(r, depth - 1)));
            case 5 -> new ItfValue.Set(list(r, () -> randomItf(r, depth - 1)));
            case 6 -> {
                List<ItfValue.Entry> es = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) es.add(new ItfValue.Entry(randomItf(r, depth - 1), randomItf(r, depth - 1)));
                yield new ItfValue.MapV(es);
            }
            case 7 -> {
                Map<String, ItfValue> f = new LinkedHashMap<>();
                for (int i = r.nextInt(3); i > 0; i--) f.put("g" + r.nextInt(5), randomItf(r, depth - 1));
                yield new ItfValue.Rec(f);
            }
            default -> new ItfValue.Unserializable("Set(" + r.nextInt(5) + ")");
        };
    }

    private static <T> List<T> list(Random r, java.util.function.Supplier<T> g) {
        List<T> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) l.add(g.get());
        return l;
    }
}
