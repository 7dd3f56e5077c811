package pcnref.trace.event;

import pcnref.kmsg.PcnKmsg;
import pcnref.kmsg.PcnKmsgType;
import pcnref.trace.pcap.CapturedMessage;
import pcnref.wire.PcnKmsgHeader;

/**
 * A pcn_kmsg message on the wire (from a pcap): header fields and the decoded pcnref.kmsg record.
 *
 * @param direction SENT when the header's from_nid is the capturing node, else RECEIVED; null when
 *                  the capturing node is unknown
 * @param fromNid   the header's from_nid
 * @param type      the header's type (null when the byte is not a pcn_kmsg_type)
 * @param typeByte  the header's raw type byte
 * @param size      the header's size: the whole message including the 10-byte header
 * @param src       "ip:port" of the TCP sender
 * @param dst       "ip:port" of the TCP receiver
 * @param message   the decoded payload; null when the codec does not know this type
 */
public record MessageEvent(Source source, Integer node, long timeNs, Clock clock, Direction direction, int fromNid,
                           PcnKmsgType type, int typeByte, long size, String src, String dst, PcnKmsg message)
        implements TraceEvent {

    /**
     * The event of a message read from a capture taken on {@code node} (null if unknown): SENT when the
     * header's from_nid is that node.
     */
    public static MessageEvent of(CapturedMessage m, Integer node) {
        PcnKmsgHeader h = m.header();
        Direction d = node == null ? null : h.fromNid() == node ? Direction.SENT : Direction.RECEIVED;
        return new MessageEvent(Source.frame(m.file().toString(), m.frameNumber(), m.streamOffset()), node,
                Math.multiplyExact(m.timestampMicros(), 1000L), Clock.CAPTURE, d, h.fromNid(), h.kmsgType(), h.type(),
                h.size(), m.srcIp() + ":" + m.srcPort(), m.dstIp() + ":" + m.dstPort(), m.message());
    }
}
