package pcnref.kmsg;

/** Node info (type 0, kernel/popcorn/bundle.c) and remote info (types 26 to 31). Records: to come with the wire codec. */
public non-sealed interface NodeKmsg extends PcnKmsg {
}
