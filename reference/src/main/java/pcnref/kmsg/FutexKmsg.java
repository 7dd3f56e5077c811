package pcnref.kmsg;

/** Futex forwarding (kernel/popcorn/process_server.c), types 19 and 20. Records: to come with the wire codec. */
public non-sealed interface FutexKmsg extends PcnKmsg {
}
