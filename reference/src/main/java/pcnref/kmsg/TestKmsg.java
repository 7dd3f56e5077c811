package pcnref.kmsg;

/** Messages of the optional message-layer test module (msg_layer/msg_test.c), types 22 to 24. */
public sealed interface TestKmsg extends PcnKmsg permits TestRequest, TestResponse, TestRdmaRequest {
}
