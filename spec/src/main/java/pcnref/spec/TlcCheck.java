package pcnref.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs TLC on a protocol's configs and compares each result with its manifest entry. */
public final class TlcCheck {
    /** One config's outcome: the manifest entry, what TLC found, and the drift ("" = match). */
    public record Outcome(ManifestEntry entry, TlcResult result, String drift) {
        public boolean matches() {
            return drift.isEmpty();
        }
    }

    private TlcCheck() {}

    /** Selects the manifest entries: one by name, or every ci-tier entry (plus deep ones if asked). */
    public static List<ManifestEntry> select(Manifest m, String name, boolean deep) {
        if (name != null) return List.of(m.entry(name));
        List<ManifestEntry> out = new ArrayList<>();
        for (ManifestEntry e : m.entries()) {
            if (e.tier().equals("ci") || deep) out.add(e);
        }
        return out;
    }

    public static Outcome check(Manifest m, ManifestEntry e, TlcRunner runner) {
        TlcResult r = runner.run(m.dir(), m.module(), e.file(), e.workers());
        String drift = r.outcome().equals("error") ? "TLC error: " + r.detail() : e.drift(r);
        return new Outcome(e, r, drift);
    }

    public static List<Outcome> checkAll(Manifest m, List<ManifestEntry> entries, TlcRunner runner, Consumer<Outcome> each) {
        List<Outcome> out = new ArrayList<>();
        for (ManifestEntry e : entries) {
            Outcome o = check(m, e, runner);
            each.accept(o);
            out.add(o);
        }
        return out;
    }
}
