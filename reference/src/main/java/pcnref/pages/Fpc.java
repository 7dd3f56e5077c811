package pcnref.pages;

/**
 * Where an origin thread is in kernel/futex.c:futex_wait (spec variable fpc): Pin inside
 * page_server_get_userpage; Key (get_futex_key), Value (get_futex_value_locked) and Unpin (before
 * page_server_put_userpage) hold the pin, a user of the origin's fault handle.
 */
public enum Fpc {
    None, Pin, Key, Value, Unpin,
    /** futex_wake: WakeKey in get_futex_key (no pin), Wake once the key is computed. */
    WakeKey, Wake;

    /** Pinned(t): the thread holds the pin. */
    public boolean pinned() {
        return this == Key || this == Value || this == Unpin;
    }
}
