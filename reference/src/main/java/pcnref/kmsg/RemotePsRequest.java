package pcnref.kmsg;

/**
 * remote_ps_request_t (type 30, 22 bytes; kernel/popcorn/sched_server.c): /proc/popcorn_ps asks a node
 * for a remote task's load.
 */
public record RemotePsRequest(int nid, int originPid, int originWs) implements NodeKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PROC_PS_REQUEST;
    }
}
