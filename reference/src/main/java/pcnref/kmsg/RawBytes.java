package pcnref.kmsg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes copied from (or destined to) the wire: fixed-size kernel arrays whose
 * contents are opaque or partly stale (uninitialised kmalloc bytes), kept so that a decoded message
 * re-encodes byte for byte. Equality is by content.
 */
public final class RawBytes {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;

    private RawBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code len} bytes of {@code src} from {@code off}. */
    public static RawBytes copyOf(byte[] src, int off, int len) {
        return new RawBytes(Arrays.copyOfRange(src, off, off + len));
    }

    public static RawBytes copyOf(byte[] src) {
        return new RawBytes(src.clone());
    }

    public static RawBytes zeros(int len) {
        return new RawBytes(new byte[len]);
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    /** The little-endian u64 at byte offset {@code off}. */
    public long longAt(int off) {
        return (long) LONG_LE.get(bytes, off);
    }

    /** The little-endian u32 at byte offset {@code off}. */
    public int intAt(int off) {
        return (int) INT_LE.get(bytes, off);
    }

    public boolean isAllZero() {
        for (byte b : bytes) if (b != 0) return false;
        return true;
    }

    /** Writes these bytes into {@code dst} at {@code off}. */
    public void copyInto(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawBytes r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        if (isAllZero()) return "0x00*" + bytes.length;
        int n = Math.min(bytes.length, 16);
        return HexFormat.of().formatHex(bytes, 0, n) + (n < bytes.length ? "..(" + bytes.length + " bytes)" : "");
    }
}
