package pcnref.kmsg;

/** Messages of the process server (kernel/popcorn/process_server.c), types 2 to 6. Structs: kernel/popcorn/types.h. */
public sealed interface ProcessKmsg extends PcnKmsg
        permits CloneRequest, BackMigrationRequest, RemoteTaskPairing, OriginTaskExit, RemoteTaskExit {
}
