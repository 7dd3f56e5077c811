package pcnref.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One cfg of spec/pages/manifest.json: what TLC must find for it.
 *
 * @param file           cfg file name (in the manifest's directory)
 * @param tier           "ci" or "deep"
 * @param mode           "safety" or "liveness"
 * @param expected       "holds" or the name of the invariant/property TLC must report violated
 * @param distinctStates distinct states TLC reports (-1: not recorded)
 * @param depth          graph depth ("holds") or counterexample length (violation)
 * @param workers        TLC workers to use (1 for counterexamples: deterministic BFS)
 * @param constants      the model parameters in plain JSON (for the Java reference)
 */
public record ManifestEntry(String file, String tier, String mode, String expected, long distinctStates,
                            int depth, int workers, JsonNode constants) {
    public String name() {
        return file.endsWith(".cfg") ? file.substring(0, file.length() - 4) : file;
    }

    /** Whether a TLC result agrees with this entry: same outcome, same distinct states, same depth. */
    public boolean matches(TlcResult r) {
        return expected.equals(r.outcome())
                && (distinctStates < 0 || distinctStates == r.distinctStates())
                && depth == r.depth();
    }

    /** One line saying where a result differs from this entry ("" when it matches). */
    public String drift(TlcResult r) {
        StringBuilder sb = new StringBuilder();
        if (!expected.equals(r.outcome())) sb.append("result ").append(r.outcome()).append(" != ").append(expected).append("; ");
        if (distinctStates >= 0 && distinctStates != r.distinctStates())
            sb.append("distinct ").append(r.distinctStates()).append(" != ").append(distinctStates).append("; ");
        if (depth != r.depth()) sb.append("depth ").append(r.depth()).append(" != ").append(depth).append("; ");
        return sb.isEmpty() ? "" : sb.substring(0, sb.length() - 2);
    }
}
