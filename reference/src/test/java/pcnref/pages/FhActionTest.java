package pcnref.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rows of the fh_action table against page-protocol.md §5.3, and get_fh_action's index (§5.2). */
class FhActionTest {

    @Test
    void indexIsAtRemote32PlusFlags4PlusWrite2PlusRemote() {
        // idx 37: remote, "L - W" handle, new remote read fault
        assertEquals(37, FhAction.index(true, false, false, true, false, true));
        // idx 0: origin, "L - R" handle, new local read
        assertEquals(0, FhAction.index(false, false, false, false, false, false));
        // idx 23: origin, "R - W" handle, new remote write
        assertEquals(23, FhAction.index(false, true, false, true, true, true));
        // idx 63: remote, "R i W" handle, new remote write
        assertEquals(63, FhAction.index(true, true, true, true, true, true));
    }

    @Test
    void spotCheckedRows() {
        int[][] rows = { // {idx, value} from §5.3
                {0, 0x10}, {1, 0x23}, {2, 0x21}, {3, 0x20}, {4, 0x10}, {5, 0x20}, {6, 0x10}, {7, 0x20},
                {16, 0x10}, {17, 0x23}, {18, 0x21}, {19, 0x21}, {20, 0x21}, {21, 0x20}, {22, 0x21}, {23, 0x20},
                {32, 0x10}, {33, 0x00}, {34, 0x21}, {35, 0x00}, {36, 0x10}, {37, 0x27}, {38, 0x10}, {39, 0x27},
                {40, 0x34}, {41, 0x00}, {42, 0x25}, {44, 0x34}, {46, 0x34}, {48, 0x00}, {50, 0x21}, {52, 0x21},
                {54, 0x21}, {55, 0x00}};
        for (int[] r : rows) assertEquals(r[1], FhAction.get(r[0]), "row " + r[0]);
    }

    @Test
    void originNeverHasInvalidateRowsAndRemoteRHandlesRefuseRemoteFaults() {
        for (int i = 8; i < 16; i++) assertEquals(FhAction.INVALID, FhAction.get(i), "row " + i);
        for (int i = 24; i < 32; i++) assertEquals(FhAction.INVALID, FhAction.get(i), "row " + i);
        for (int i = 56; i < 64; i++) assertEquals(FhAction.INVALID, FhAction.get(i), "row " + i);
        for (int i : new int[] {49, 51, 53, 55}) assertEquals(FhAction.INVALID, FhAction.get(i), "row " + i);
        assertEquals(64, FhAction.size());
    }

    @Test
    void noRemoteFaultRowFollows() {
        // §5.3: remote faults are never followers anywhere (odd rows never exactly FOLLOW).
        for (int i = 1; i < 64; i += 2) {
            int a = FhAction.get(i);
            assertEquals(false, a == FhAction.FOLLOW, "row " + i);
        }
    }
}
