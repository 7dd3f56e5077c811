package pcnref.pages;

/** A PTE as the page protocol sees it (page-protocol.md §2.2); the TLA+ strings of the spec. */
public enum Pte {
    NONE, INV, RO, RW;

    /** PRESENT bit set (pte_is_present). */
    public boolean present() {
        return this == RO || this == RW;
    }
}
