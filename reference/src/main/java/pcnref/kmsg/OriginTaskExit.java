package pcnref.kmsg;

/**
 * origin_task_exit_t (type 5 TASK_EXIT_ORIGIN, 22 bytes; kernel/popcorn/types.h): the origin process
 * exits and terminates its remote threads (process_server.c:__terminate_remotes).
 */
public record OriginTaskExit(int originPid, int remotePid, int exitCode) implements ProcessKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TASK_EXIT_ORIGIN;
    }
}
