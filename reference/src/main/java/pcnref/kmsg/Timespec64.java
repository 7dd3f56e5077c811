package pcnref.kmsg;

/** struct timespec64 (include/linux/time64.h): embedded in remote_futex_request; zero unless the futex call had a timeout. */
public record Timespec64(long tvSec, long tvNsec) {
    public static final Timespec64 ZERO = new Timespec64(0, 0);
}
