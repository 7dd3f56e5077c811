package pcnref.kmsg;

/** remote_page_flush_ack_t (type 18, 22 bytes). Dead code in 5.2.21, decoded for completeness. */
public record RemotePageFlushAck(int remoteWs, long flags) implements PageKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PAGE_FLUSH_ACK;
    }
}
