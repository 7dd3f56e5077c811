package pcnref.wire;

import pcnref.kmsg.PcnKmsg;

/** One decoded message: its header and its payload record. */
public record DecodedKmsg(PcnKmsgHeader header, PcnKmsg message) {
}
