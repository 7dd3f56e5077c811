package pcnref.kmsg;

/**
 * remote_page_response_t (type 12, 4130 bytes): the answer to REMOTE_PAGE_REQUEST carrying the page;
 * sent by process_remote_page_request when the result is 0 (always data over TCP).
 */
public record RemotePageResponse(int remotePid, int originPid, int originWs, long addr, int result,
                                 PageContents page) implements PageKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PAGE_RESPONSE;
    }
}
