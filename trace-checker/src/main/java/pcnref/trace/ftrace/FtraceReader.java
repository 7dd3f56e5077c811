package pcnref.trace.ftrace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import pcnref.trace.Lines;
import pcnref.trace.Nodes;
import pcnref.trace.ReadStats;
import pcnref.trace.event.TraceEvent;

/** Streams an ftrace text file through {@link FtraceParser}: one line in memory at a time. */
public final class FtraceReader {
    private FtraceReader() {
    }

    /** Reads {@code file}; the node is taken from the file name ("node1.ftrace.txt") when not given. */
    public static ReadStats read(Path file, Integer node, Consumer<? super TraceEvent> sink) throws IOException {
        return Lines.stream(file, new FtraceParser(file.toString(), node != null ? node : Nodes.fromFileName(file)), sink);
    }

    /** True when the first non-blank lines look like ftrace text (a "# tracer:" header or a pgfault-style line). */
    public static boolean looksLikeFtrace(String firstLines) {
        for (String l : firstLines.split("\n", 20)) {
            String t = l.strip();
            if (t.isEmpty()) continue;
            if (t.startsWith("# tracer:") || t.startsWith("cpus=")) return true;
            FtraceParser p = new FtraceParser("", null);
            if (p.parse(l, 1) != null || p.stats().otherLines() > 0) return true;
        }
        return false;
    }
}
