package pcnref.kmsg;

import java.nio.charset.StandardCharsets;

/**
 * A kernel {@code char[N]} holding a NUL-terminated string (exe_path, vm_file_path, vma_op path).
 * {@link #raw} is authoritative: the bytes after the NUL are whatever the kernel's buffer held
 * (the senders strcpy into kmalloc'd, non-zeroed messages), and must survive re-encoding.
 */
public record FixedString(RawBytes raw) {
    /** {@code text} NUL-terminated and zero-padded to {@code capacity} bytes (UTF-8). */
    public static FixedString of(String text, int capacity) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        if (t.length >= capacity) {
            throw new IllegalArgumentException("\"" + text + "\" does not fit a char[" + capacity + "] with its NUL");
        }
        byte[] b = new byte[capacity];
        System.arraycopy(t, 0, b, 0, t.length);
        return new FixedString(RawBytes.copyOf(b));
    }

    public int capacity() {
        return raw.length();
    }

    /** The string up to the first NUL (the whole array if there is none), decoded as UTF-8. */
    public String text() {
        int n = nulIndex();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = raw.byteAt(i);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** True when a byte after the terminating NUL is not zero (stale kernel memory). */
    public boolean hasStaleBytes() {
        for (int i = nulIndex() + 1; i < raw.length(); i++) if (raw.byteAt(i) != 0) return true;
        return false;
    }

    private int nulIndex() {
        for (int i = 0; i < raw.length(); i++) if (raw.byteAt(i) == 0) return i;
        return raw.length();
    }

    @Override
    public String toString() {
        return "\"" + text() + "\"" + (hasStaleBytes() ? "+stale" : "");
    }
}
