package pcnref.kmsg;

/**
 * remote_page_flush_t (type 16, 4138 bytes). Dead code in 5.2.21 (page_server_flush_remote_pages has
 * no caller), kept so that a capture carrying it still decodes. The START marker travels as type 17
 * with this struct's size: {@link #type} is then REMOTE_PAGE_RELEASE.
 */
public record RemotePageFlush(PcnKmsgType type, int originPid, int remoteNid, int remotePid, int remoteWs,
                              long addr, long flags, PageContents page) implements PageKmsg {
    public static final long FLUSH_FLAG_START = 0x01;
    public static final long FLUSH_FLAG_FLUSH = 0x02;
    public static final long FLUSH_FLAG_RELEASE = 0x04;
    public static final long FLUSH_FLAG_LAST = 0x10;
}
