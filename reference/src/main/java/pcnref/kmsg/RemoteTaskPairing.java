package pcnref.kmsg;

/**
 * remote_task_pairing_t (type 4 TASK_PAIRING, 22 bytes; kernel/popcorn/types.h): a new remote thread
 * tells the origin its pid (process_server.c).
 */
public record RemoteTaskPairing(int myTgid, int myPid, int yourPid) implements ProcessKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TASK_PAIRING;
    }
}
