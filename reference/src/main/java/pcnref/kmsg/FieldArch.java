package pcnref.kmsg;

/**
 * struct field_arch (include/popcorn/regset.h), 832 bytes, not packed (alignment 16), embedded at
 * offset 638 of clone_request_t and 26 of back_migration_request_t (wire-format.md §6).
 * The union is decoded as struct regset_x86_64 (the only architecture in pcn-ref's captures) plus the
 * 160 union bytes past it. {@code oob}, {@code fpuActive}, the padding and the union tail are never
 * written by the x86 sender (arch/x86/kernel/process_server.c:save_thread_info): stale bytes, kept raw.
 *
 * @param tls       the thread's FS base
 * @param oob       unsigned long[4], 32 bytes
 * @param fpuActive the raw byte of {@code bool fpu_active} (stale: any value 0..255)
 * @param padding   bytes 41..47
 * @param regsX86   union member regs_x86 (union bytes 0..623)
 * @param regsTail  union bytes 624..783 (the rest of the aarch64-sized union)
 */
public record FieldArch(long tls, RawBytes oob, int fpuActive, RawBytes padding, RegsetX86_64 regsX86,
                        RawBytes regsTail) {
    public static final int SIZE = 832;
    public static final int UNION_OFFSET = 48;
    public static final int UNION_SIZE = 784;

    public FieldArch {
        if (oob.length() != 32 || padding.length() != 7 || regsTail.length() != UNION_SIZE - RegsetX86_64.SIZE) {
            throw new IllegalArgumentException("field_arch: oob 32, padding 7, regsTail 160 bytes");
        }
        if (fpuActive < 0 || fpuActive > 255) throw new IllegalArgumentException("fpu_active is one byte");
    }

    /** What a model sends: the registers and tls, every stale byte zero. */
    public static FieldArch ofX86(long tls, RegsetX86_64 regs) {
        return new FieldArch(tls, RawBytes.zeros(32), 0, RawBytes.zeros(7), regs, RawBytes.zeros(160));
    }

    public long oob(int i) {
        return oob.longAt(8 * i);
    }
}
