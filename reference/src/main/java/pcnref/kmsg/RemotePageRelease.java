package pcnref.kmsg;

/** remote_page_release_t (type 17, 42 bytes). Dead code in 5.2.21, decoded for completeness. */
public record RemotePageRelease(int originPid, int remoteNid, int remotePid, int remoteWs, long addr, long flags)
        implements PageKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PAGE_RELEASE;
    }
}
