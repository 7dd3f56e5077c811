package pcnref.trace.pcap;

import java.util.List;

/**
 * What one read of a capture saw.
 *
 * @param frames              pcap records read
 * @param tcpSegments         TCP segments of the message layer (either end on the port)
 * @param payloadBytes        their TCP payload bytes, retransmissions included
 * @param streamBytes         bytes reassembled into the directions' byte streams (each byte once)
 * @param messages            messages decoded and handed to the sink
 * @param retransmitted       segments whose bytes had all been received already (dropped)
 * @param outOfOrder          segments that arrived before a gap and waited for it
 * @param directions          TCP directions (connection x direction) seen
 * @param incompleteBytes     bytes left at the end of the file in unfinished messages or unfilled gaps
 * @param errorCount          errors seen (bad frames, bad messages, lost gaps)
 * @param errors              the first errors, one line each, naming file, frame and byte offset
 */
public record Stats(long frames, long tcpSegments, long payloadBytes, long streamBytes, long messages,
                    long retransmitted, long outOfOrder, long directions, long incompleteBytes, long errorCount,
                    List<String> errors) {
    public Stats {
        errors = List.copyOf(errors);
    }

    /** No error at all (an unfinished message at the end of the capture is not an error). */
    public boolean clean() {
        return errorCount == 0;
    }
}
