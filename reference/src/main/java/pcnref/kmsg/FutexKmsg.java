package pcnref.kmsg;

/** Futex forwarding (kernel/popcorn/process_server.c), types 19 and 20. Structs: kernel/popcorn/types.h. */
public sealed interface FutexKmsg extends PcnKmsg permits RemoteFutexRequest, RemoteFutexResponse {
}
