package pcnref.cluster;

import java.util.List;
import java.util.stream.Collectors;
import pcnref.canon.CValue;

/**
 * One atomic step of one kernel context in a cluster model, labelled as the TLA+ spec labels it:
 * the action's name and its parameter values, e.g. {@code StartFaultHandling(1)}. Each server's
 * model has its own sealed family of steps (the page server's is {@code pcnref.pages.PageStep});
 * conformance compares {@link #action()} and {@link #params()} with TLC's action and bindings.
 */
public interface Step {
    /** The spec's action name. */
    String action();

    /** The spec's parameter values, in the action's parameter order. */
    List<CValue> params();

    /** {@code Action(p1, p2)} as TLC prints it; {@code Action} without parameters. */
    default String label() {
        List<CValue> p = params();
        return p.isEmpty() ? action() : action() + p.stream().map(CValue::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
