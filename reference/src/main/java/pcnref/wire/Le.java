package pcnref.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian, unaligned loads and stores on byte arrays (x86_64 host order, packed structs). */
final class Le {
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Le() {
    }

    static long i64(byte[] b, int off) {
        return (long) I64.get(b, off);
    }

    static int i32(byte[] b, int off) {
        return (int) I32.get(b, off);
    }

    static void put64(byte[] b, int off, long v) {
        I64.set(b, off, v);
    }

    static void put32(byte[] b, int off, int v) {
        I32.set(b, off, v);
    }
}
