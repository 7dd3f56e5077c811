package pcnref.pages;

/** The sanity BUG_ONs the spec records in bugsHit (NoInvalidActionInv), with the spec's names. */
public enum Bug {
    /** __start_fault_handling: BUG_ON(action == FH_ACTION_INVALID). */
    InvalidAction,
    /** __handle_localfault_at_origin: BUG_ON(!test_page_owner(my_nid)). */
    NotOwnerAtOrigin,
    /** __claim_remote_page: peers == 0 -> page_server_panic. */
    NoPeers,
    /** __handle_localfault_at_remote: BUG_ON(populated) on a grant. */
    PopulatedGrant,
    /** __handle_remotefault_at_origin: "Read fault from owner??". */
    ReadFaultFromOwner,
    /** __handle_remotefault_at_remote: BUG_ON(!page_is_mine). */
    NotMine,
    /** __start_invalidation: BUG_ON(fh->flags & FAULT_HANDLE_INVALIDATE). */
    DoubleInvalidate,
    /** __do_invalidate_page: BUG_ON(!pte_present). */
    InvalidateNotPresent,
    /** process_server.c:request_remote_work: BUG_ON(tsk->remote_work). */
    RemoteWorkBusy
}
