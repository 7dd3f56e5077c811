package pcnref.trace.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The NDJSON "kind" names, read once from {@link TraceEvent}'s annotation so they exist in one place. */
public final class EventKinds {
    private static final Map<Class<?>, String> NAMES = new LinkedHashMap<>();

    static {
        for (JsonSubTypes.Type t : TraceEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            NAMES.put(t.value(), t.name());
        }
    }

    private EventKinds() {
    }

    static String nameOf(Class<?> c) {
        return NAMES.get(c);
    }

    /** Every kind name, in declaration order. */
    public static List<String> all() {
        return List.copyOf(NAMES.values());
    }
}
