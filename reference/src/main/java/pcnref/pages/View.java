package pcnref.pages;

import pcnref.canon.CValue;

/** A remote's own directory word for the page (§2.1): bit 63 (dist) and bit my_nid (own). */
public record View(boolean dist, boolean own) {
    public static final View EMPTY = new View(false, false);
    public static final View MINE = new View(true, true);

    /** page_is_mine at a remote. */
    public boolean mine() {
        return !dist || own;
    }

    public CValue toCanonical() {
        return CValue.rec("dist", CValue.bool(dist), "own", CValue.bool(own));
    }
}
