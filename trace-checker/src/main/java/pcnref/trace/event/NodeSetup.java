package pcnref.trace.event;

/** Message-layer and node-setup lines (debug-lines.md OT-1, ML-*): node table, connections, readiness. */
public record NodeSetup(Source source, Integer node, long timeNs, Clock clock, Step step, Integer nid, String ip,
                        String text) implements TraceEvent {
    public enum Step {
        /** "Loading Popcorn messaging layer over ..." */
        LOADING,
        /** "popcorn: [*] nid: ip" (text "*" marks this node). */
        NODE_TABLE,
        /** "popcorn:    nid joined, arch" (OT-1); text = arch. */
        JOINED,
        /** "popcorn: Ready on TCP/IP|InfiniBand RDMA". */
        READY,
        /** "Connecting to nid at ip". */
        CONNECTING,
        /** "SEND|RECV handler for nid is ready"; text = SEND/RECV. */
        HANDLER_READY,
        /** "Ready to accept incoming connections". */
        ACCEPTING,
        /** "Failed to connect the socket -err. Attempt again!!"; text = err. */
        CONNECT_RETRY,
        /** any other line starting "popcorn: " (PCNPRINTK). */
        OTHER
    }
}
