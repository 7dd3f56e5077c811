package pcnref.pages;

/**
 * The fh_action table (kernel/popcorn/fh_action.c, bits from fh_action.h) as data: what
 * __start_fault_handling does when a fault finds a fault handle already hashed for its page.
 * Values verbatim from page-protocol.md §5.3; index as computed by get_fh_action (§5.2).
 */
public final class FhAction {
    private FhAction() {
    }

    public static final int INVALID = 0x00;
    public static final int WAIT = 0x01;
    public static final int LOCAL = 0x02;
    public static final int DELAY = 0x04;
    public static final int FOLLOW = 0x10;
    public static final int RETRY = 0x20;

    /** FAULT_HANDLE_* bits of struct fault_handle.flags (page_server.c). */
    public static final int FH_WRITE = 0x01;
    public static final int FH_INVALIDATE = 0x02;
    public static final int FH_REMOTE = 0x04;

    /** FH_ACTION_MAX_FOLLOWER: __start_fault_handling admits a follower while limit++ <= 8. */
    public static final int MAX_FOLLOWER = 8;

    // One row of 4 per existing handle (L/R, -/i, R/W); columns: new fault LR, RR, LW, RW.
    private static final int[] TABLE = {
            // origin (at_remote = 0)
            0x10, 0x23, 0x21, 0x20, //  0 L - R
            0x10, 0x20, 0x10, 0x20, //  4 L - W
            0x00, 0x00, 0x00, 0x00, //  8 L i R
            0x00, 0x00, 0x00, 0x00, // 12 L i W
            0x10, 0x23, 0x21, 0x21, // 16 R - R
            0x21, 0x20, 0x21, 0x20, // 20 R - W
            0x00, 0x00, 0x00, 0x00, // 24 R i R
            0x00, 0x00, 0x00, 0x00, // 28 R i W
            // remote (at_remote = 1)
            0x10, 0x00, 0x21, 0x00, // 32 L - R
            0x10, 0x27, 0x10, 0x27, // 36 L - W
            0x34, 0x00, 0x25, 0x00, // 40 L i R
            0x34, 0x00, 0x34, 0x00, // 44 L i W
            0x00, 0x00, 0x21, 0x00, // 48 R - R
            0x21, 0x00, 0x21, 0x00, // 52 R - W
            0x00, 0x00, 0x00, 0x00, // 56 R i R
            0x00, 0x00, 0x00, 0x00, // 60 R i W
    };

    /** get_fh_action's index: at_remote*32 + (fh.flags & 7)*4 + is_write*2 + is_remote_fault. */
    public static int index(boolean atRemote, boolean fhRemote, boolean fhInvalidate, boolean fhWrite,
                            boolean write, boolean remoteFault) {
        int flags = (fhRemote ? FH_REMOTE : 0) | (fhInvalidate ? FH_INVALIDATE : 0) | (fhWrite ? FH_WRITE : 0);
        return (atRemote ? 32 : 0) + flags * 4 + (write ? 2 : 0) + (remoteFault ? 1 : 0);
    }

    /** fh_action_table[index] (fh_action.c), 0 <= index < 64. */
    public static int get(int index) {
        return TABLE[index];
    }

    public static int size() {
        return TABLE.length;
    }

    public static boolean has(int action, int bit) {
        return (action & bit) != 0;
    }
}
