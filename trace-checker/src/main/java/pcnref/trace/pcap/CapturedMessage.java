package pcnref.trace.pcap;

import java.nio.file.Path;
import pcnref.kmsg.PcnKmsg;
import pcnref.wire.PcnKmsgHeader;

/**
 * One pcn_kmsg message read out of a capture.
 *
 * @param file            the pcap it came from
 * @param frameNumber     1-based number (as Wireshark counts) of the frame that completed the message, i.e.
 *                        carried its last byte or filled the last gap before it
 * @param timestampMicros that frame's capture time, microseconds since the epoch
 * @param streamOffset    offset of the message's first byte in its direction's TCP byte stream
 *                        (0 = first payload byte after the SYN)
 */
public record CapturedMessage(Path file, long frameNumber, long timestampMicros, String srcIp, int srcPort,
                              String dstIp, int dstPort, long streamOffset, PcnKmsgHeader header, PcnKmsg message) {
    /** The message's bytes as they were on the wire (the codec is byte-exact). */
    public byte[] bytes() {
        return pcnref.wire.PcnKmsgCodec.encode(header, message);
    }

    /** "10.4.4.101:40000>10.4.4.100:30467", the direction's name in reports. */
    public String flow() {
        return srcIp + ":" + srcPort + ">" + dstIp + ":" + dstPort;
    }
}
