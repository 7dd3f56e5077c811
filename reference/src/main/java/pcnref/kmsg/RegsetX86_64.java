package pcnref.kmsg;

import java.math.BigInteger;

/**
 * struct regset_x86_64 (include/popcorn/regset.h), 624 bytes, alignment 16: the user register image
 * that popcorn_migrate copies from user space into field_arch's union (wire-format.md §6).
 * The receiver (arch/x86/kernel/process_server.c:restore_thread_info) uses only rip, rax..r15, rsp,
 * rbp and rflags; mmx/xmm/st and the segment selectors travel but are ignored, so they are kept raw.
 *
 * @param pad bytes 200..207: compiler padding so that xmm is 16-aligned (stale user bytes)
 * @param mmx uint64_t[8], 64 bytes
 * @param xmm unsigned __int128[16], 256 bytes, each little-endian
 * @param st  long double[8], 128 bytes: each a 16-byte slot with an x87 80-bit value in its first 10 bytes
 */
public record RegsetX86_64(long rip, long rax, long rdx, long rcx, long rbx, long rsi, long rdi, long rbp, long rsp,
                           long r8, long r9, long r10, long r11, long r12, long r13, long r14, long r15,
                           RawBytes mmx, RawBytes pad, RawBytes xmm, RawBytes st,
                           int cs, int ss, int ds, int es, int fs, int gs, long rflags) {
    public static final int SIZE = 624;
    public static final int MMX_OFFSET = 136;
    public static final int PAD_OFFSET = 200;
    public static final int XMM_OFFSET = 208;
    public static final int ST_OFFSET = 464;
    public static final int CS_OFFSET = 592;
    public static final int RFLAGS_OFFSET = 616;

    public RegsetX86_64 {
        check(mmx, 64, "mmx");
        check(pad, 8, "pad");
        check(xmm, 256, "xmm");
        check(st, 128, "st");
    }

    private static void check(RawBytes b, int len, String name) {
        if (b.length() != len) throw new IllegalArgumentException(name + " has " + len + " bytes, not " + b.length());
    }

    /** Only the general registers and rflags set; vector, x87 and segment state zero. */
    public static RegsetX86_64 ofGeneral(long rip, long rsp, long rbp, long rflags) {
        return new RegsetX86_64(rip, 0, 0, 0, 0, 0, 0, rbp, rsp, 0, 0, 0, 0, 0, 0, 0, 0,
                RawBytes.zeros(64), RawBytes.zeros(8), RawBytes.zeros(256), RawBytes.zeros(128),
                0, 0, 0, 0, 0, 0, rflags);
    }

    public long mmx(int i) {
        return mmx.longAt(8 * i);
    }

    /** xmm[i] as an unsigned 128-bit value. */
    public BigInteger xmm(int i) {
        byte[] be = new byte[17];
        for (int k = 0; k < 16; k++) be[16 - k] = xmm.byteAt(16 * i + k);
        return new BigInteger(be);
    }
}
