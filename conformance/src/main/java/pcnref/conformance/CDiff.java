package pcnref.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import pcnref.canon.CValue;
import pcnref.canon.CValue.CFun;
import pcnref.canon.CValue.CRec;
import pcnref.canon.CValue.CSeq;
import pcnref.canon.CValue.CSet;

/** Where two canonical values differ, as readable lines: {@code count.n1: TLC 1 | Java 2}. */
public final class CDiff {
    private CDiff() {}

    public static List<String> diff(CValue a, CValue b, String aName, String bName) {
        List<String> out = new ArrayList<>();
        walk("", a, b, aName, bName, out);
        return out;
    }

    private static void walk(String path, CValue a, CValue b, String an, String bn, List<String> out) {
        if (a.equals(b)) return;
        String p = path.isEmpty() ? "(state)" : path;
        if (a instanceof CRec ra && b instanceof CRec rb) {
            TreeSet<String> keys = new TreeSet<>(ra.fields().keySet());
            keys.addAll(rb.fields().keySet());
            for (String k : keys) {
                CValue x = ra.fields().get(k), y = rb.fields().get(k);
                String q = path.isEmpty() ? k : path + "." + k;
                if (x == null || y == null) out.add(q + ": " + an + " " + show(x) + " | " + bn + " " + show(y));
                else walk(q, x, y, an, bn, out);
            }
        } else if (a instanceof CFun fa && b instanceof CFun fb) {
            TreeSet<CValue> keys = new TreeSet<>(fa.map().keySet());
            keys.addAll(fb.map().keySet());
            for (CValue k : keys) {
                CValue x = fa.map().get(k), y = fb.map().get(k);
                String q = path + "[" + k + "]";
                if (x == null || y == null) out.add(q + ": " + an + " " + show(x) + " | " + bn + " " + show(y));
                else walk(q, x, y, an, bn, out);
            }
        } else if (a instanceof CSeq sa && b instanceof CSeq sb && sa.elems().size() == sb.elems().size()) {
            for (int i = 0; i < sa.elems().size(); i++) walk(path + "[" + (i + 1) + "]", sa.elems().get(i), sb.elems().get(i), an, bn, out);
        } else if (a instanceof CSet sa && b instanceof CSet sb) {
            TreeSet<CValue> onlyA = new TreeSet<>(sa.elems()), onlyB = new TreeSet<>(sb.elems());
            onlyA.removeAll(sb.elems());
            onlyB.removeAll(sa.elems());
            out.add(p + ": only in " + an + " " + CValue.set(onlyA) + ", only in " + bn + " " + CValue.set(onlyB));
        } else {
            out.add(p + ": " + an + " " + a + " | " + bn + " " + b);
        }
    }

    private static String show(CValue v) {
        return v == null ? "(absent)" : v.toString();
    }
}
