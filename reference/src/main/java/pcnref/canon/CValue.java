package pcnref.canon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A TLA+ value in one canonical form, the meeting point of the Java reference and TLC.
 *
 * <p>The reference renders its state with {@code toCanonical()}; the conformance module converts
 * TLC's values to the same form. Two states are the same state iff their canonical values are
 * equal. Records and functions are kept sorted, and a function whose domain is exactly 1..n is a
 * {@link CSeq}, as in TLA+ (a tuple is a function on 1..n). Model values are {@link CStr}.
 * {@link #toString()} prints TLA+ syntax, so a mismatch reads like a TLC state.
 */
public sealed interface CValue extends Comparable<CValue> {

    int kind();

    record CBool(boolean value) implements CValue {
        public int kind() { return 0; }
        public String toString() { return value ? "TRUE" : "FALSE"; }
    }

    record CInt(long value) implements CValue {
        public int kind() { return 1; }
        public String toString() { return Long.toString(value); }
    }

    record CStr(String value) implements CValue {
        public int kind() { return 2; }
        public String toString() { return "\"" + value + "\""; }
    }

    record CSeq(List<CValue> elems) implements CValue {
        public CSeq { elems = List.copyOf(elems); }
        public int kind() { return 3; }
        public String toString() { return "<<" + join(elems) + ">>"; }
    }

    record CSet(SortedSet<CValue> elems) implements CValue {
        public CSet { elems = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(elems)); }
        public int kind() { return 4; }
        public String toString() { return "{" + join(elems) + "}"; }
    }

    /** A record: field names to values. */
    record CRec(SortedMap<String, CValue> fields) implements CValue {
        public CRec { fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields)); }
        public int kind() { return 5; }
        public String toString() {
            List<String> parts = new ArrayList<>();
            fields.forEach((k, v) -> parts.add(k + " |-> " + v));
            return "[" + String.join(", ", parts) + "]";
        }
    }

    /** A function whose domain is not 1..n (a function on 1..n is a {@link CSeq}). */
    record CFun(SortedMap<CValue, CValue> map) implements CValue {
        public CFun { map = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map)); }
        public int kind() { return 6; }
        public String toString() {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + " :> " + v));
            return parts.isEmpty() ? "<<>>" : "(" + String.join(" @@ ", parts) + ")";
        }
    }

    // ---- factories ----

    CBool TRUE = new CBool(true);
    CBool FALSE = new CBool(false);

    static CBool bool(boolean b) { return b ? TRUE : FALSE; }

    static CInt num(long v) { return new CInt(v); }

    static CStr str(String s) { return new CStr(s); }

    static CSeq seq(List<? extends CValue> elems) { return new CSeq(new ArrayList<>(elems)); }

    static CSet set(Collection<? extends CValue> elems) { return new CSet(new TreeSet<>(elems)); }

    /** A record from alternating name, value arguments: rec("pte", x, "frame", y). */
    static CRec rec(Object... nameValue) {
        TreeMap<String, CValue> m = new TreeMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], (CValue) nameValue[i + 1]);
        return new CRec(m);
    }

    static CRec rec(Map<String, ? extends CValue> fields) { return new CRec(new TreeMap<>(fields)); }

    /** A function; normalised to a {@link CSeq} when its domain is exactly 1..n, n >= 1. */
    static CValue fun(Map<? extends CValue, ? extends CValue> map) {
        TreeMap<CValue, CValue> m = new TreeMap<>(map);
        int i = 1;
        boolean isSeq = !m.isEmpty();
        for (CValue k : m.keySet()) {
            if (!(k instanceof CInt n) || n.value() != i++) { isSeq = false; break; }
        }
        return isSeq ? new CSeq(new ArrayList<>(m.values())) : new CFun(m);
    }

    @Override
    default int compareTo(CValue o) {
        if (kind() != o.kind()) return Integer.compare(kind(), o.kind());
        return switch (this) {
            case CBool a -> Boolean.compare(a.value(), ((CBool) o).value());
            case CInt a -> Long.compare(a.value(), ((CInt) o).value());
            case CStr a -> a.value().compareTo(((CStr) o).value());
            case CSeq a -> compareIter(a.elems(), ((CSeq) o).elems());
            case CSet a -> compareIter(a.elems(), ((CSet) o).elems());
            case CRec a -> compareIter(flatten(a.fields()), flatten(((CRec) o).fields()));
            case CFun a -> compareIter(flattenF(a.map()), flattenF(((CFun) o).map()));
        };
    }

    private static List<CValue> flatten(SortedMap<String, CValue> m) {
        List<CValue> l = new ArrayList<>();
        m.forEach((k, v) -> { l.add(new CStr(k)); l.add(v); });
        return l;
    }

    private static List<CValue> flattenF(SortedMap<CValue, CValue> m) {
        List<CValue> l = new ArrayList<>();
        m.forEach((k, v) -> { l.add(k); l.add(v); });
        return l;
    }

    private static int compareIter(Iterable<CValue> a, Iterable<CValue> b) {
        Iterator<CValue> i = a.iterator(), j = b.iterator();
        while (i.hasNext() && j.hasNext()) {
            int c = i.next().compareTo(j.next());
            if (c != 0) return c;
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    private static String join(Iterable<CValue> vs) {
        StringBuilder sb = new StringBuilder();
        for (CValue v : vs) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(v);
        }
        return sb.toString();
    }
}
