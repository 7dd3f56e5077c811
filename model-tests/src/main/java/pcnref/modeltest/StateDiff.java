package pcnref.modeltest;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two model states, as {@code path: old -> new} lines, found structurally:
 * records by component, maps by key, lists and arrays by index, anything else by {@code equals}.
 * Used to print a shrunk walk as "step label + the state change it made" without a per-model
 * printer. Works on any immutable model value (records, java.util and Vavr collections).
 */
public final class StateDiff {
    private StateDiff() {
    }

    /** The changes from {@code before} to {@code after}, one {@code path: old -> new} per entry. */
    public static List<String> diff(Object before, Object after) {
        List<String> out = new ArrayList<>();
        walk("", normalise(before), normalise(after), out);
        return out;
    }

    /** {@link #diff} joined with "; ", or "(no change)". */
    public static String describe(Object before, Object after) {
        List<String> d = diff(before, after);
        return d.isEmpty() ? "(no change)" : String.join("; ", d);
    }

    private static void walk(String path, Object a, Object b, List<String> out) {
        if (Objects.equals(a, b)) return;
        if (a == null || b == null || a.getClass() != b.getClass() && !(a instanceof Map && b instanceof Map)
                && !(a instanceof List && b instanceof List)) {
            out.add(label(path) + ": " + show(a) + " -> " + show(b));
            return;
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                walk(path.isEmpty() ? rc.getName() : path + "." + rc.getName(), component(rc, a), component(rc, b), out);
            }
        } else if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) walk(path + "[" + k + "]", normalise(ma.get(k)), normalise(mb.get(k)), out);
        } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) walk(path + "[" + i + "]", normalise(la.get(i)), normalise(lb.get(i)), out);
        } else if (a.getClass().isArray() && Array.getLength(a) == Array.getLength(b)) {
            for (int i = 0; i < Array.getLength(a); i++) {
                walk(path + "[" + i + "]", normalise(Array.get(a, i)), normalise(Array.get(b, i)), out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(label(path) + ": " + show(a) + " -> " + show(b));
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "state" : path;
    }

    private static Object component(RecordComponent rc, Object r) {
        try {
            var m = rc.getAccessor();
            m.trySetAccessible();
            return normalise(m.invoke(r));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "<" + rc.getName() + ": unreadable>";
        }
    }

    /** Vavr collections become their java.util views so that they diff by key/index. */
    private static Object normalise(Object o) {
        if (o instanceof io.vavr.collection.Map<?, ?> m) return m.toJavaMap();
        if (o instanceof io.vavr.collection.Seq<?> s) return s.toJavaList();
        if (o instanceof io.vavr.collection.Set<?> s) return s.toJavaSet();
        if (o instanceof io.vavr.control.Option<?> op) return op.getOrNull();
        return o;
    }

    private static String show(Object o) {
        if (o == null) return "-";
        if (o.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(o); i++) sb.append(i == 0 ? "" : ", ").append(show(Array.get(o, i)));
            return sb.append(']').toString();
        }
        String s = String.valueOf(o);
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
