package pcnref.trace.event;

/**
 * Which clock an event's time is on. Clocks of different nodes, and the capture clock, are not
 * aligned (shared/traces/README.md): compare times only within one clock of one node.
 */
public enum Clock {
    /** Seconds since that node booted: dmesg "[secs]" and the ftrace "local"/"global" trace clock. */
    BOOT,
    /** pcap timestamps: host time at QEMU start plus QEMU's virtual clock. */
    CAPTURE
}
