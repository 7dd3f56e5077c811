package pcnref.kmsg;

/** page_invalidate_response_t (type 15, 22 bytes): the ack of an invalidation; no address, no result. */
public record PageInvalidateResponse(int originPid, int originWs, int remotePid) implements PageKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.PAGE_INVALIDATE_RESPONSE;
    }
}
