package pcnref.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import pcnref.trace.event.TraceEvent;

/** Opens a log as UTF-8 text; malformed bytes become U+FFFD instead of failing the read. */
public final class Lines {
    private Lines() {
    }

    public static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** A line-at-a-time log parser (ftrace, dmesg). */
    public interface Parser {
        /** The event on this 1-based line, or null (the line is counted in {@link #stats()} either way). */
        TraceEvent parse(String line, long lineNo);

        ReadStats stats();
    }

    /** Streams {@code file} through {@code p}, one line in memory at a time; returns p's statistics. */
    public static ReadStats stream(Path file, Parser p, Consumer<? super TraceEvent> sink) throws IOException {
        try (BufferedReader r = open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                TraceEvent e = p.parse(line, ++n);
                if (e != null) sink.accept(e);
            }
        }
        return p.stats();
    }
}
