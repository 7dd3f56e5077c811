package pcnref.spec;

/** A one-line error the user can act on (bad manifest, missing file, TLC failure). */
public final class SpecException extends RuntimeException {
    public SpecException(String message) {
        super(message);
    }
}
