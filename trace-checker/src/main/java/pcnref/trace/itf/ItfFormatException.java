package pcnref.trace.itf;

/** Input that is not ITF; the message names the JSON location ("states/3/x/#set/1: ..."). */
public final class ItfFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ItfFormatException(String where, String what) {
        super((where.isEmpty() ? "<root>" : where) + ": " + what);
    }
}
