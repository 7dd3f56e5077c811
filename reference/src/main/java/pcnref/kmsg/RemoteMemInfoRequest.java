package pcnref.kmsg;

/**
 * remote_mem_info_request_t (type 28, 18 bytes; include/popcorn/remote_meminfo.h, kernel/popcorn/remote_info.c).
 */
public record RemoteMemInfoRequest(int nid, int originWs) implements NodeKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PROC_MEMINFO_REQUEST;
    }
}
