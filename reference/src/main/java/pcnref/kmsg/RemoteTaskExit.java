package pcnref.kmsg;

/**
 * remote_task_exit_t (type 6 TASK_EXIT_REMOTE, 22 bytes; kernel/popcorn/types.h): a migrated thread
 * exits on the remote node (process_server.c).
 */
public record RemoteTaskExit(int originPid, int remotePid, int exitCode) implements ProcessKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TASK_EXIT_REMOTE;
    }
}
