package pcnref.kmsg;

/**
 * test_rdma_request_t (type 24, 46 bytes; msg_layer/msg_test.c).
 */
public record TestRdmaRequest(long rdmaAddr, int rdmaKey, long size, long done, long flags) implements TestKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TEST_RDMA_REQUEST;
    }
}
