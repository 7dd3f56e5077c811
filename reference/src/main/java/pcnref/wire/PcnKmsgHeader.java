package pcnref.wire;

import pcnref.kmsg.PcnKmsgType;

/**
 * struct pcn_kmsg_hdr (include/popcorn/pcn_kmsg.h), packed, 10 bytes (wire-format.md §2):
 * byte 0 = from_nid (bits 0-5, signed) | prio (bits 6-7), byte 1 = type, bytes 2-9 = size (u64 LE),
 * the total message length including these 10 bytes.
 *
 * @param fromNid signed 6-bit sender nid (-32..31; real values 0..31)
 * @param prio    2-bit enum pcn_kmsg_prio (always 1 = PCN_KMSG_PRIO_NORMAL in practice)
 * @param type    the raw type byte 0..255 (a pcn_kmsg_type only below 33)
 * @param size    the u64 size field (a negative long means a value above 2^63)
 */
public record PcnKmsgHeader(int fromNid, int prio, int type, long size) {
    public static final int SIZE = 10;
    public static final int PRIO_LOW = 0;
    public static final int PRIO_NORMAL = 1;
    public static final int PRIO_HIGH = 2;

    public PcnKmsgHeader {
        if (fromNid < -32 || fromNid > 31) throw new IllegalArgumentException("from_nid is a signed 6-bit field: " + fromNid);
        if (prio < 0 || prio > 3) throw new IllegalArgumentException("prio is a 2-bit field: " + prio);
        if (type < 0 || type > 255) throw new IllegalArgumentException("type is an 8-bit field: " + type);
    }

    /** The pcn_kmsg_type, or null for a byte at or above PCN_KMSG_TYPE_MAX. */
    public PcnKmsgType kmsgType() {
        return PcnKmsgType.of(type);
    }

    /** Byte 0 as the kernel's bitfields lay it out. */
    public int byte0() {
        return (fromNid & 0x3f) | (prio << 6);
    }

    /** Decodes the 10 header bytes at {@code off} (the caller checked that they exist). */
    static PcnKmsgHeader read(byte[] b, int off) {
        int b0 = b[off] & 0xff;
        return new PcnKmsgHeader((b0 << 26) >> 26, b0 >>> 6, b[off + 1] & 0xff, Le.i64(b, off + 2));
    }

    void write(byte[] b, int off) {
        b[off] = (byte) byte0();
        b[off + 1] = (byte) type;
        Le.put64(b, off + 2, size);
    }

    @Override
    public String toString() {
        PcnKmsgType t = kmsgType();
        return "hdr[from " + fromNid + " prio " + prio + " " + (t == null ? "type " + type : t.name()) + " size " + Long.toUnsignedString(size) + "]";
    }
}
