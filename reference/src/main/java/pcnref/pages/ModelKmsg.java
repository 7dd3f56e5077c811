package pcnref.pages;

import pcnref.canon.CValue;
import pcnref.kmsg.PageContents;
import pcnref.kmsg.PageInvalidateRequest;
import pcnref.kmsg.PageInvalidateResponse;
import pcnref.kmsg.PageKmsg;
import pcnref.kmsg.PcnKmsg;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.RemotePageResponse;
import pcnref.kmsg.RemotePageResponseShort;
import pcnref.kmsg.RemoteFutexRequest;
import pcnref.kmsg.RemoteFutexResponse;
import pcnref.kmsg.Timespec64;

/**
 * The page model's messages ARE pcnref.kmsg records (the vocabulary shared with the wire codec).
 * The spec's Msg = [type, ws, write, result, data] fixes the protocol fields; the fields the model
 * abstracts away (§9.6: pids, IPs, RDMA) are set deterministically from the station id, so equal
 * spec messages are equal Java records: origin_pid = PID_BASE + ws, remote_pid = PID_BASE,
 * addr = PAGE_ADDR, instr_addr/rdma = 0, fault flags those of a user read/write fault.
 */
public final class ModelKmsg {
    private ModelKmsg() {
    }

    /** The model's one page. */
    public static final long PAGE_ADDR = 0x7f0000000000L;
    public static final int PID_BASE = 1000;

    public static RemotePageRequest req(int ws, boolean write) {
        return new RemotePageRequest(PID_BASE + ws, ws, PID_BASE, PAGE_ADDR,
                write ? PageKmsg.USER_WRITE_FLAGS : PageKmsg.USER_READ_FLAGS, 0, 0, 0);
    }

    public static PageInvalidateRequest inv(int ws) {
        return new PageInvalidateRequest(PID_BASE + ws, ws, PID_BASE, PAGE_ADDR);
    }

    public static PageInvalidateResponse ack(int ws) {
        return new PageInvalidateResponse(PID_BASE + ws, ws, PID_BASE);
    }

    /** Resp(i, r, d): type 12 with the page when r = OK, else type 13 (§3). */
    public static PageKmsg resp(int ws, Result r, int data) {
        return r == Result.OK
                ? new RemotePageResponse(PID_BASE, PID_BASE + ws, ws, PAGE_ADDR, r.vmFault, PageContents.Value.of(data))
                : new RemotePageResponseShort(PID_BASE, PID_BASE + ws, ws, PAGE_ADDR, r.vmFault);
    }

    /** include/uapi/linux/futex.h: FUTEX_WAIT, FUTEX_WAKE, FUTEX_PRIVATE_FLAG, FUTEX_CLOCK_REALTIME. */
    public static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;

    /**
     * FutexReq(i, op): FUTEX_REQUEST of the remote thread with station i; origin_pid is its home task
     * (PID_BASE + i, as in its page requests), ts.tv_sec = -1: no timeout
     * (process_server.c:process_server_do_futex_at_remote), val/uaddr2/val2/val3 0.
     */
    public static RemoteFutexRequest futexReq(int ws, int op, boolean privateKey) {
        return new RemoteFutexRequest(PID_BASE + ws, ws, op | (privateKey ? FUTEX_PRIVATE_FLAG : 0), 0,
                new Timespec64(-1, 0), PAGE_ADDR, 0, 0, 0);
    }

    /** FutexResp(i): FUTEX_RESPONSE to station i; ret 0 (the futex queue is abstract). */
    public static RemoteFutexResponse futexResp(int ws) {
        return new RemoteFutexResponse(ws, 0);
    }

    /** The futex command of a FUTEX_REQUEST (op & FUTEX_CMD_MASK): the spec's data field. */
    static int futexCmd(RemoteFutexRequest r) {
        return r.op() & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
    }

    public static int ws(PcnKmsg m) {
        return switch (m) {
            case RemotePageRequest r -> r.originWs();
            case RemotePageResponse r -> r.originWs();
            case RemotePageResponseShort r -> r.originWs();
            case PageInvalidateRequest r -> r.originWs();
            case PageInvalidateResponse r -> r.originWs();
            case RemoteFutexRequest r -> r.remoteWs();
            case RemoteFutexResponse r -> r.remoteWs();
            default -> throw new IllegalArgumentException("not a page-model message: " + m);
        };
    }

    public static Result result(PcnKmsg m) {
        return switch (m) {
            case RemotePageResponse r -> Result.ofVmFault(r.result());
            case RemotePageResponseShort r -> Result.ofVmFault(r.result());
            case RemoteFutexResponse r -> Result.OK;
            default -> Result.NONE;
        };
    }

    public static int data(PcnKmsg m) {
        return switch (m) {
            case RemotePageResponse r -> ((PageContents.Value) r.page()).value();
            case RemoteFutexRequest r -> futexCmd(r);
            default -> -1;
        };
    }

    public static boolean write(PcnKmsg m) {
        return m instanceof RemotePageRequest r && r.isWrite();
    }

    /** The spec's type string. */
    public static String type(PcnKmsg m) {
        return switch (m) {
            case RemotePageRequest r -> "REQ";
            case RemotePageResponse r -> "RESP";
            case RemotePageResponseShort r -> "SHORT";
            case PageInvalidateRequest r -> "INV";
            case PageInvalidateResponse r -> "ACK";
            case RemoteFutexRequest r -> "FREQ";
            case RemoteFutexResponse r -> "FRESP";
            default -> throw new IllegalArgumentException("not a page-model message: " + m);
        };
    }

    /** Injective 64-bit code of the spec-visible fields (fingerprinting): type, write, result, data, ws. */
    static long code(PcnKmsg m) {
        return switch (m) {
            case RemotePageRequest r -> 1 | (r.isWrite() ? 8L : 0) | ((long) r.originWs() << 24);
            case RemotePageResponse r -> 2 | (1L << 4) | ((long) (((PageContents.Value) r.page()).value() + 1) << 8)
                    | ((long) r.originWs() << 24);
            case RemotePageResponseShort r -> 3 | ((long) Result.ofVmFault(r.result()).ordinal() << 4) | ((long) r.originWs() << 24);
            case PageInvalidateRequest r -> 4 | ((long) r.originWs() << 24);
            case PageInvalidateResponse r -> 5 | ((long) r.originWs() << 24);
            case RemoteFutexRequest r -> 6 | ((long) futexCmd(r) << 8) | ((long) r.remoteWs() << 24);
            case RemoteFutexResponse r -> 7 | ((long) r.remoteWs() << 24);
            default -> throw new IllegalArgumentException("not a page-model message: " + m);
        };
    }

    /** The spec's Msg record. */
    public static CValue toCanonical(PcnKmsg m) {
        return CValue.rec("type", CValue.str(type(m)), "ws", CValue.num(ws(m)), "write", CValue.bool(write(m)),
                "result", CValue.str(result(m).name()), "data", CValue.num(data(m)));
    }
}
