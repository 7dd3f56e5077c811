package pcnref.kmsg;

/** Messages of the VMA server (kernel/popcorn/vma_server.c), types 7 to 10. Records: to come with the wire codec. */
public non-sealed interface VmaKmsg extends PcnKmsg {
}
