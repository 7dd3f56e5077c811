package pcnref.wire;

/**
 * A frame that is not a pcn_kmsg message: unknown type, short frame, size mismatch. The message is
 * one line naming the byte offset ({@link #offset}, relative to what the caller passed as base).
 */
public final class WireFormatException extends RuntimeException {
    private final long offset;
    private final String detail;

    public WireFormatException(long offset, String detail) {
        super("byte " + offset + ": " + detail, null, false, false);
        this.offset = offset;
        this.detail = detail;
    }

    public long offset() {
        return offset;
    }

    /** The message without the "byte N: " prefix. */
    public String detail() {
        return detail;
    }
}
