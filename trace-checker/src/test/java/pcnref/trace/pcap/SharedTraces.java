package pcnref.trace.pcap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real recordings of ../shared/traces (relative to the repository root; system property
 * {@code pcnref.shared} overrides). Missing: the tests skip on a developer machine but fail in CI
 * (environment CI=true), where the copy of shared/ is part of the contract.
 */
final class SharedTraces {
    private SharedTraces() {
    }

    static Path sharedDir() {
        String prop = System.getProperty("pcnref.shared");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath().normalize();
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve(".ci")) && Files.exists(p.resolve("pom.xml")))) p = p.getParent();
        Path root = p == null ? Path.of(System.getProperty("user.dir")).toAbsolutePath() : p;
        return root.resolve("../shared").normalize();
    }

    static Path tracesDir() {
        Path t = sharedDir().resolve("traces");
        if (!Files.isDirectory(t)) {
            String msg = "no traces folder at " + t + " (set -Dpcnref.shared=DIR)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(msg + "; CI=true requires it");
            Assumptions.abort(msg);
        }
        return t;
    }

    /** Every .pcap under traces/, sorted; at least one. */
    static List<Path> pcaps() throws IOException {
        try (Stream<Path> s = Files.walk(tracesDir())) {
            List<Path> l = s.filter(f -> f.toString().endsWith(".pcap")).sorted().toList();
            assertTrue(!l.isEmpty(), "no .pcap under " + tracesDir());
            return l;
        }
    }
}
