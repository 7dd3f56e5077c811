package pcnref.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import pcnref.canon.CValue;
import pcnref.canon.CValue.CFun;
import pcnref.canon.CValue.CRec;
import pcnref.canon.CValue.CSeq;
import pcnref.canon.CValue.CSet;
import pcnref.canon.CValue.CStr;

/**
 * Puts a {@link CValue} in the one form TLA+ equality needs, on both sides alike: TLA+ has a
 * single empty function ({@code <<>>} = {@code [x \in {} |-> ...]}), and a record is a function
 * whose domain is a set of strings. {@link CValue#fun} leaves both ambiguities open, so a side
 * that builds {@code [n \in {"a"} |-> 1]} and one that builds {@code [a |-> 1]} would otherwise differ.
 * Rules: an empty {@code CFun} is the empty {@code CSeq}; a non-empty {@code CFun} whose keys are
 * all {@code CStr} is a {@code CRec}. (Model values are {@code CStr} too; the rule is applied to
 * both sides, so it cannot make two different TLC values equal unless TLC could not tell them apart
 * either, given model values and strings are never mixed in one domain by a well-typed spec.)
 */
public final class Canon {
    private Canon() {}

    public static CValue normalize(CValue v) {
        return switch (v) {
            case CValue.CBool b -> b;
            case CValue.CInt i -> i;
            case CStr s -> s;
            case CSeq s -> {
                List<CValue> l = new ArrayList<>(s.elems().size());
                for (CValue e : s.elems()) l.add(normalize(e));
                yield new CSeq(l);
            }
            case CSet s -> {
                TreeSet<CValue> t = new TreeSet<>();
                for (CValue e : s.elems()) t.add(normalize(e));
                yield new CSet(t);
            }
            case CRec r -> {
                TreeMap<String, CValue> m = new TreeMap<>();
                r.fields().forEach((k, x) -> m.put(k, normalize(x)));
                yield new CRec(m);
            }
            case CFun f -> {
                if (f.map().isEmpty()) yield new CSeq(List.of());
                TreeMap<CValue, CValue> m = new TreeMap<>();
                boolean allStr = true;
                for (Map.Entry<CValue, CValue> e : f.map().entrySet()) {
                    CValue k = normalize(e.getKey());
                    allStr &= k instanceof CStr;
                    m.put(k, normalize(e.getValue()));
                }
                if (allStr) {
                    TreeMap<String, CValue> r = new TreeMap<>();
                    m.forEach((k, x) -> r.put(((CStr) k).value(), x));
                    yield new CRec(r);
                }
                yield CValue.fun(m);
            }
        };
    }
}
