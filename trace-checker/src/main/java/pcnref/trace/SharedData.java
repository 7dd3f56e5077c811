package pcnref.trace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the kernel facts and real recordings live: ../shared relative to the repository root
 * (system property {@code pcnref.shared} overrides; the root is {@code pcn.home}, set by ./pcn, or
 * the nearest parent of the working directory holding .ci/ and pom.xml).
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path sharedDir() {
        String prop = System.getProperty("pcnref.shared");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath().normalize();
        return repoRoot().resolve("../shared").normalize();
    }

    /** shared/traces (it may not exist: check). */
    public static Path tracesDir() {
        return sharedDir().resolve("traces");
    }

    static Path repoRoot() {
        String home = System.getProperty("pcn.home");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath();
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve(".ci")) && Files.isRegularFile(q.resolve("pom.xml"))) return q;
        }
        return p;
    }
}
