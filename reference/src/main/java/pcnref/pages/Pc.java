package pcnref.pages;

/** Program counter of a user thread: where the faulting thread's stack is (spec variable pc). */
public enum Pc {
    Idle, Access, Backoff, FollowWait, WaitRetry, OLeader, OClaimWait, RLeader, RWait, Finish, Oops,
    /** inside futex_wait, between the page-server steps of the pin (fpc says where). */
    Futex
}
