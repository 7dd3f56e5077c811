package pcnref.kmsg;

/**
 * remote_page_response_short_t (type 13, 34 bytes): the answer without data, sent whenever the result
 * is not 0: a grant (VM_FAULT_CONTINUE), VM_FAULT_RETRY, or an error. See {@link VmFault}.
 */
public record RemotePageResponseShort(int remotePid, int originPid, int originWs, long addr, int result)
        implements PageKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PAGE_RESPONSE_SHORT;
    }
}
