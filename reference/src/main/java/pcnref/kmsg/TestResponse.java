package pcnref.kmsg;

/**
 * test_response_t (type 23, 18 bytes; msg_layer/msg_test.c).
 */
public record TestResponse(long done) implements TestKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TEST_RESPONSE;
    }
}
