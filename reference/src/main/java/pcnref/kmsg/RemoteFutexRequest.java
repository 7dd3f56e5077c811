package pcnref.kmsg;

/**
 * remote_futex_request (type 19, 66 bytes; kernel/popcorn/types.h): a remote thread's futex call
 * forwarded to the origin (process_server.c:process_server_do_futex_at_remote). uaddr/uaddr2 are user
 * addresses of the process; ts is zero unless the call had a timeout.
 */
public record RemoteFutexRequest(int originPid, int remoteWs, int op, int val, Timespec64 ts, long uaddr, long uaddr2, int val2,
                                 int val3) implements FutexKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.FUTEX_REQUEST;
    }
}
