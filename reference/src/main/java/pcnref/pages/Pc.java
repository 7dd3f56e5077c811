package pcnref.pages;

/** Program counter of a user thread: where the faulting thread's stack is (spec variable pc). */
public enum Pc {
    Idle, Access, Backoff, FollowWait, WaitRetry, OLeader, OClaimWait, RLeader, RWait, Finish, Oops,
    /** inside futex_wait, between the page-server steps of the pin (fpc says where). */
    Futex,
    /** remote thread: process_server_do_futex_at_remote sleeps in wait_at_station for FUTEX_RESPONSE. */
    RFutexWait,
    /** home task: its remote_work slot holds a forwarded FUTEX_WAIT / FUTEX_WAKE (request_remote_work). */
    RemoteWorkWait, RemoteWorkWake,
    /** home task: do_futex returned; process_remote_futex_request posts FUTEX_RESPONSE next. */
    FutexRet
}
