package pcnref.trace.event;

/**
 * Where an event was read: a file and either a 1-based line (text logs) or a 1-based frame number
 * (pcap; {@code offset} is then the byte offset of the message in its TCP stream).
 */
public record Source(String file, Long line, Long frame, Long offset) {
    public static Source line(String file, long line) {
        return new Source(file, line, null, null);
    }

    public static Source frame(String file, long frame, long streamOffset) {
        return new Source(file, null, frame, streamOffset);
    }

    /** "file:line" or "file#frame", the form used in one-line error messages. */
    @Override
    public String toString() {
        return line != null ? file + ":" + line : file + "#" + frame;
    }
}
