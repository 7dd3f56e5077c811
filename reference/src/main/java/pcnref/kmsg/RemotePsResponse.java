package pcnref.kmsg;

/**
 * remote_ps_response_t (type 31, 22 bytes; kernel/popcorn/sched_server.c).
 */
public record RemotePsResponse(int originWs, int uload, int sload) implements NodeKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PROC_PS_RESPONSE;
    }
}
