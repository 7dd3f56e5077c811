package pcnref.trace.pcap;

import java.io.IOException;

/** A capture that cannot be read at all (missing file, not a pcap). One line naming the file and the offset. */
public final class PcapException extends IOException {
    public PcapException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
