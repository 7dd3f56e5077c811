package pcnref.kmsg;

/**
 * remote_page_request_t (type 11, 58 bytes): a remote asks the origin for a page, or the origin
 * claims a page from an owner. Posted by page_server.c:__request_remote_page.
 *
 * @param originPid  pid of the requesting thread on the sender
 * @param originWs   the sender's wait-station id, echoed in the response
 * @param remotePid  pid the receiver acts as
 * @param addr       page-aligned user address
 * @param faultFlags the sender's FAULT_FLAG_* bits (bit 0x01 = write)
 * @param instrAddr  the sender's user instruction pointer
 * @param rdmaAddr   0 over TCP
 * @param rdmaKey    0 over TCP
 */
public record RemotePageRequest(int originPid, int originWs, int remotePid, long addr, long faultFlags,
                                long instrAddr, long rdmaAddr, int rdmaKey) implements PageKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PAGE_REQUEST;
    }

    /** 'W' in the kernel's logs when FAULT_FLAG_WRITE is set. */
    public boolean isWrite() {
        return (faultFlags & FAULT_FLAG_WRITE) != 0;
    }
}
