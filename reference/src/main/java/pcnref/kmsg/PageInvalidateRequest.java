package pcnref.kmsg;

/** page_invalidate_request_t (type 14, 30 bytes): the origin revokes a copy (__revoke_page_ownership). */
public record PageInvalidateRequest(int originPid, int originWs, int remotePid, long addr) implements PageKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.PAGE_INVALIDATE_REQUEST;
    }
}
