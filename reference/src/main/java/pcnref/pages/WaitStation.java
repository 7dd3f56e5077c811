package pcnref.pages;

import pcnref.canon.CValue;

/**
 * struct wait_station (wait_station.c): replies still expected (pendings_count), the page response
 * stored by handle_remote_page_response, and the model's data source of a remote claim (-1: none).
 */
public record WaitStation(int count, Result result, int data, int src) {
    public static final WaitStation IDLE = new WaitStation(0, Result.NONE, -1, -1);

    public static WaitStation expecting(int count) {
        return new WaitStation(count, Result.NONE, -1, -1);
    }

    long fp() {
        return (count & 0xffffL) | ((long) result.ordinal() << 16) | ((long) (data + 1) << 24) | ((long) (src + 1) << 40);
    }

    public CValue toCanonical() {
        return CValue.rec("count", CValue.num(count), "result", CValue.str(result.name()),
                "data", CValue.num(data), "src", CValue.num(src));
    }
}
