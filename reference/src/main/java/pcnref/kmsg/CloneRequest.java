package pcnref.kmsg;

/**
 * clone_request_t (type 2 TASK_MIGRATE, 1470 bytes; kernel/popcorn/types.h): the origin asks a remote
 * node to create the thread's twin (process_server.c:__request_clone_remote). exe_path is a
 * NUL-terminated char[512] with stale bytes after the NUL; arch is struct field_arch at offset 638.
 */
public record CloneRequest(int originTgid, int originPid, long taskSize, long stackStart, long envStart, long envEnd,
                           long argStart, long argEnd, long startBrk, long brk, long startCode, long endCode,
                           long startData, long endData, int personality, long defFlags, FixedString exePath,
                           FieldArch arch) implements ProcessKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TASK_MIGRATE;
    }

    public static final int EXE_PATH_SIZE = 512;
}
