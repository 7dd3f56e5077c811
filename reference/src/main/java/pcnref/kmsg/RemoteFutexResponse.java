package pcnref.kmsg;

/**
 * remote_futex_response (type 20, 22 bytes; kernel/popcorn/types.h): the origin's futex return value.
 */
public record RemoteFutexResponse(int remoteWs, long ret) implements FutexKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.FUTEX_RESPONSE;
    }
}
