package pcnref.kmsg;

/**
 * One pcn_kmsg message payload (everything after the 10-byte struct pcn_kmsg_hdr).
 *
 * <p>This is pcn-ref's single message vocabulary: the reference model puts these records on its
 * channels, the wire codec (pcnref.wire) encodes and decodes exactly these records, and the trace
 * checker reads them out of captures. One record per pcn_kmsg type, named after the kernel's
 * struct, fields in the kernel's order and with the kernel's names in camelCase.
 *
 * <p>The sender's node id and the priority live in the header ({@code pcnref.wire.PcnKmsgHeader}),
 * not here: a model channel already knows both ends.
 */
public sealed interface PcnKmsg permits PageKmsg, ProcessKmsg, VmaKmsg, FutexKmsg, NodeKmsg, TestKmsg {
    /** The pcn_kmsg_type this record travels as. */
    PcnKmsgType type();
}
