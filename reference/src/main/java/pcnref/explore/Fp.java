package pcnref.explore;

/**
 * 64-bit fingerprint arithmetic for model states (no boxing). A state folds its fields in a fixed
 * order with {@link #mix}; {@link #finish} avalanches the result (SplitMix64's finaliser), so
 * fingerprints of states that differ in one field differ in about half their bits.
 */
public final class Fp {
    private Fp() {
    }

    public static final long SEED = 0x243f6a8885a308d3L;

    /** Fold one 64-bit value into the running hash {@code h}. */
    public static long mix(long h, long v) {
        return (h ^ finish(v + 0x9e3779b97f4a7c15L)) * 0xbf58476d1ce4e5b9L + 0x94d049bb133111ebL;
    }

    public static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
