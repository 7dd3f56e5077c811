package pcnref.trace.dmesg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import pcnref.trace.Lines;
import pcnref.trace.Nodes;
import pcnref.trace.ReadStats;
import pcnref.trace.event.TraceEvent;

/** Streams a kernel log (dmesg output, serial console capture, /dev/kmsg dump) through {@link DmesgParser}. */
public final class DmesgReader {
    private DmesgReader() {
    }

    /** Reads {@code file}; the node is taken from the log's node table, else from the file name. */
    public static ReadStats read(Path file, Integer node, Consumer<? super TraceEvent> sink) throws IOException {
        return Lines.stream(file, new DmesgParser(file.toString(), node != null ? node : Nodes.fromFileName(file)), sink);
    }

    /** True when the text looks like a kernel log: "[  secs.usec] " prefixes or /dev/kmsg records. */
    public static boolean looksLikeDmesg(String firstLines) {
        int hits = 0;
        for (String l : firstLines.split("\n", 20)) {
            l = l.strip();
            if (l.matches("^(?:<\\d>)?\\[\\s*\\d+\\.\\d+\\].*") || l.matches("^\\d+,\\d+,\\d+,[^;]*;.*")
                    || l.matches("^\\w+\\s*:\\s*\\w+\\s*: \\[\\s*\\d+\\.\\d+\\].*")) hits++;
        }
        return hits > 0;
    }
}
