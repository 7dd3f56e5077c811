package pcnref.kmsg;

/**
 * sched_periodic_req (type 32, 22 bytes; kernel/popcorn/sched_server.c): its sender is commented out
 * in 5.2.21, never sent; decoded for completeness.
 */
public record SchedPeriodicReq(int power1, int power2, int power3) implements NodeKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.SCHED_PERIODIC;
    }
}
