package pcnref.kmsg;

/**
 * test_request_t (type 22; msg_layer/msg_test.c): the only variable-size message, 26 + msg.length() bytes.
 */
public record TestRequest(long flags, long done, RawBytes msg) implements TestKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TEST_REQUEST;
    }
}
