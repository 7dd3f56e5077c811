package pcnref.kmsg;

import java.util.HexFormat;

/**
 * The 4096-byte page carried by REMOTE_PAGE_RESPONSE and REMOTE_PAGE_FLUSH.
 *
 * <p>The reference model abstracts a page's contents to one small value ({@link Value}); a capture
 * carries the real bytes ({@link Bytes}). The codec encodes a {@code Value v} as a page whose first
 * little-endian int is v and whose other bytes are zero, so a model value survives a round trip.
 */
public sealed interface PageContents {
    int PAGE_SIZE = 4096;

    /** The model's abstraction of a page: the value last written to it. */
    record Value(int value) implements PageContents {
        private static final Value[] SMALL = new Value[16];
        static {
            for (int i = 0; i < SMALL.length; i++) SMALL[i] = new Value(i);
        }

        public static Value of(int v) {
            return v >= 0 && v < SMALL.length ? SMALL[v] : new Value(v);
        }

        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    /**
     * Real page bytes, exactly PAGE_SIZE of them, as read from the wire. Content equality, hashing and
     * immutability are {@link RawBytes}'s.
     */
    record Bytes(RawBytes raw) implements PageContents {
        public Bytes {
            if (raw.length() != PAGE_SIZE) {
                throw new IllegalArgumentException("a page has " + PAGE_SIZE + " bytes, not " + raw.length());
            }
        }

        /** A copy of {@code bytes} as a page. */
        public Bytes(byte[] bytes) {
            this(RawBytes.copyOf(bytes));
        }

        /** A copy of the page's bytes. */
        public byte[] bytes() {
            return raw.toByteArray();
        }

        @Override
        public String toString() {
            byte[] bytes = raw.toByteArray();
            int nonZero = 0;
            for (byte b : bytes) if (b != 0) nonZero++;
            return "page[" + nonZero + " non-zero bytes, starts " + HexFormat.of().formatHex(bytes, 0, 8) + "]";
        }
    }
}
