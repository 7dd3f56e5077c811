package pcnref.trace.pcap;

/**
 * How to read a capture.
 *
 * @param port            the message layer's TCP port (msg_layer/socket.c PORT = 30467); a segment belongs
 *                        to it when either end uses this port
 * @param maxPendingBytes out-of-order bytes held per direction while waiting for a gap to fill; past it
 *                        the gap is declared lost and that direction stops (memory stays bounded)
 * @param maxErrors       error lines kept in {@link Stats#errors()} (all are counted)
 */
public record PcapOptions(int port, int maxPendingBytes, int maxErrors) {
    public static final int DEFAULT_PORT = 30467;

    public PcapOptions {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is not a TCP port");
        if (maxPendingBytes < 0 || maxErrors < 0) throw new IllegalArgumentException("negative limit");
    }

    public static PcapOptions defaults() {
        return new PcapOptions(DEFAULT_PORT, 4 << 20, 100);
    }

    public PcapOptions withPort(int p) {
        return new PcapOptions(p, maxPendingBytes, maxErrors);
    }
}
