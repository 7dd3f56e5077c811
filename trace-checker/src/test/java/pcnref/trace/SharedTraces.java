package pcnref.trace;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real recordings ({@link SharedData#tracesDir()}). Missing: the tests fail when CI=true, and are
 * skipped otherwise.
 */
public final class SharedTraces {
    private SharedTraces() {
    }

    public static Path dir() {
        Path traces = SharedData.tracesDir();
        if (!Files.isDirectory(traces)) {
            String msg = "shared traces not found at " + traces + " (set -Dpcnref.shared=DIR)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg);
            Assumptions.abort(msg);
        }
        return traces;
    }

    /** Every file under the traces directory whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(String suffix) {
        try (Stream<Path> s = Files.walk(dir())) {
            List<Path> l = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (l.isEmpty()) fail("no *" + suffix + " under " + dir());
            return l;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
