package pcnref.spec;

/**
 * What one TLC run established.
 *
 * @param outcome        "holds", the name of the violated invariant or property, or "error"
 * @param distinctStates distinct states found (-1 if TLC did not say)
 * @param depth          for "holds": depth of the complete state graph; for a violation: the
 *                       number of states in the counterexample (-1 if TLC did not say)
 * @param seconds        wall-clock time of the run
 * @param detail         one line: TLC's error message when the outcome is "error", else ""
 */
public record TlcResult(String outcome, long distinctStates, int depth, double seconds, String detail) {
    public boolean holds() {
        return "holds".equals(outcome);
    }
}
