package pcnref.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import pcnref.canon.CValue;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;

/**
 * TLC's values in canonical form: IntValue, BoolValue, StringValue, ModelValue (its name, a
 * {@code CStr}), RecordValue, TupleValue, and every function-like value (FcnRcdValue, FcnLambdaValue:
 * made explicit with {@code toFcnRcd()}), every set-like value (SetEnumValue, intervals, SUBSET,
 * products...: enumerated with {@code toSetEnum()}). The result is {@link Canon#normalize normalised}.
 */
public final class TlcValues {
    private TlcValues() {}

    public static CValue toCanonical(Value v) {
        return Canon.normalize(convert(v));
    }

    private static CValue convert(Value v) {
        switch (v) {
            case IntValue i -> { return CValue.num(i.val); }
            case BoolValue b -> { return CValue.bool(b.val); }
            case StringValue s -> { return CValue.str(s.val.toString()); }
            case ModelValue m -> { return CValue.str(m.val.toString()); }
            case RecordValue r -> {
                TreeMap<String, CValue> m = new TreeMap<>();
                for (int i = 0; i < r.names.length; i++) m.put(r.names[i].toString(), convert(r.values[i]));
                return CValue.rec(m);
            }
            case TupleValue t -> {
                List<CValue> l = new ArrayList<>(t.elems.length);
                for (Value e : t.elems) l.add(convert(e));
                return CValue.seq(l);
            }
            case FcnRcdValue f -> {
                FcnRcdValue n = (FcnRcdValue) f.normalize();
                TreeMap<CValue, CValue> m = new TreeMap<>();
                for (int i = 0; i < n.values.length; i++) {
                    CValue k = n.intv != null ? CValue.num(n.intv.low + i) : convert(n.domain[i]);
                    m.put(k, convert(n.values[i]));
                }
                return m.isEmpty() ? CValue.seq(List.of()) : CValue.fun(m);
            }
            default -> { }
        }
        if (v instanceof Enumerable e) {
            TreeSet<CValue> s = new TreeSet<>();
            ValueEnumeration it = e.elements();
            for (Value x = it.nextElement(); x != null; x = it.nextElement()) s.add(convert(x));
            return CValue.set(s);
        }
        Value f;
        try {
            f = v.toFcnRcd();
        } catch (RuntimeException ex) {
            f = null;
        }
        if (f instanceof FcnRcdValue || f instanceof TupleValue) return convert(f);
        throw new IllegalArgumentException("no canonical form for TLC value of kind " + v.getKindString() + ": " + v);
    }
}
