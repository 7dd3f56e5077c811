package pcnref.kmsg;

/** Messages of the process server (kernel/popcorn/process_server.c), types 2 to 6. Records: to come with the wire codec. */
public non-sealed interface ProcessKmsg extends PcnKmsg {
}
