package pcnref.trace.itf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ITF trace: {"#meta": {...}, "params": [...], "vars": [...], "states": [...], "loop": n}.
 *
 * @param meta   the trace's "#meta" object (free-form; null when absent)
 * @param params parameter names (empty when absent)
 * @param vars   the state variables' names
 * @param states the states, in order
 * @param loop   index of the state a lasso loops back to, or null
 */
public record ItfTrace(ObjectNode meta, List<String> params, List<String> vars, List<State> states, Integer loop) {
    public ItfTrace {
        params = List.copyOf(params);
        vars = List.copyOf(vars);
        states = List.copyOf(states);
    }

    /**
     * One state: {"#meta": {"index": i, ...}, var: value, ...}.
     *
     * @param meta   the state's "#meta" (null when absent)
     * @param values variable name to value, in written order
     */
    public record State(ObjectNode meta, Map<String, ItfValue> values) {
        public State {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
