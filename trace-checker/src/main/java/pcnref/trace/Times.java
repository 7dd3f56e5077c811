package pcnref.trace;

/** Kernel log timestamps ("4.500241", "[  123.456789]") to nanoseconds, without floating point. */
public final class Times {
    private Times() {
    }

    /**
     * Seconds with an optional fraction of up to 9 digits, e.g. "4.500241", to nanoseconds.
     *
     * @throws NumberFormatException when it is not such a number
     */
    public static long secondsToNanos(CharSequence s, int from, int to) {
        long sec = 0;
        int i = from;
        if (i >= to) throw new NumberFormatException("empty time");
        for (; i < to && s.charAt(i) != '.'; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || sec > 9_000_000_000L) throw new NumberFormatException("bad time");
            sec = sec * 10 + (c - '0');
        }
        long frac = 0;
        int digits = 0;
        if (i < to) {
            for (i++; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9' || digits == 9) throw new NumberFormatException("bad time");
                frac = frac * 10 + (c - '0');
                digits++;
            }
        }
        for (; digits < 9; digits++) frac *= 10;
        return sec * 1_000_000_000L + frac;
    }

    /** Nanoseconds as "s.uuuuuu" (microseconds, as dmesg and ftrace print them). */
    public static String format(long ns) {
        long us = ns / 1000;
        return String.format("%d.%06d", us / 1_000_000, us % 1_000_000);
    }
}
