package pcnref.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a text-log reader saw: lines, events per kind, and the lines it did not recognise (counted,
 * never fatal; the first few kept as samples so that a report can show them).
 */
public final class ReadStats {
    /** How many unrecognised lines are kept verbatim. */
    public static final int SAMPLES = 20;

    private final String file;
    private long lines;
    private long blank;
    private long header;
    private long other;
    private long unrecognised;
    private final Map<String, Long> events = new TreeMap<>();
    private final List<String> samples = new ArrayList<>();

    public ReadStats(String file) {
        this.file = file;
    }

    public void line() {
        lines++;
    }

    public void blank() {
        blank++;
    }

    public void header() {
        header++;
    }

    /** A line that is well-formed but not for us (another ftrace event, a non-Popcorn kernel message). */
    public void other() {
        other++;
    }

    public void event(String kind) {
        events.merge(kind, 1L, Long::sum);
    }

    public void unrecognised(long lineNo, String line) {
        unrecognised++;
        if (samples.size() < SAMPLES) {
            samples.add(file + ":" + lineNo + ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line));
        }
    }

    public String file() {
        return file;
    }

    public long lines() {
        return lines;
    }

    public long blankLines() {
        return blank;
    }

    public long headerLines() {
        return header;
    }

    public long otherLines() {
        return other;
    }

    public long unrecognisedLines() {
        return unrecognised;
    }

    /** Events per kind name (TraceEvent.kind()). */
    public Map<String, Long> events() {
        return Map.copyOf(events);
    }

    public long events(String kind) {
        return events.getOrDefault(kind, 0L);
    }

    public long totalEvents() {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<String> unrecognisedSamples() {
        return List.copyOf(samples);
    }

    @Override
    public String toString() {
        return file + ": " + lines + " lines, events " + events + ", header " + header + ", blank " + blank
                + ", other " + other + ", unrecognised " + unrecognised;
    }
}
