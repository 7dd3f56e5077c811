package pcnref.modeltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", TSE
 * 2002): shrinks a failing sequence to a 1-minimal one, i.e. removing any single element makes it
 * pass. The test may also normalise a failing candidate (a replay drops the steps it had to skip and
 * everything after the failure); ddmin then goes on from the normalised sequence, which is never
 * longer.
 */
public final class Ddmin {
    private Ddmin() {
    }

    /**
     * The result: the shrunk sequence and the number of candidates tested.
     *
     * @param tests candidate sequences handed to the test
     */
    public record Result<T>(List<T> minimal, int tests) {
    }

    /**
     * Shrink {@code failing}, which must fail.
     *
     * @param test empty when a candidate passes; else the failing sequence to continue from (the
     *             candidate itself or a normalised subsequence of it)
     */
    public static <T> Result<T> minimize(List<T> failing, Function<List<T>, Optional<List<T>>> test) {
        int[] tests = {0};
        Function<List<T>, Optional<List<T>>> counted = c -> {
            tests[0]++;
            return test.apply(c);
        };
        List<T> c = List.copyOf(failing);
        // The empty sequence first: if it fails, nothing is needed (ddmin proper never tests it).
        Optional<List<T>> empty = counted.apply(List.of());
        if (empty.isPresent()) return new Result<>(List.of(), tests[0]);
        int n = 2;
        while (c.size() >= 2) {
            List<List<T>> chunks = split(c, n);
            boolean reduced = false;
            // Reduce to a subset.
            for (List<T> chunk : chunks) {
                Optional<List<T>> r = counted.apply(chunk);
                if (r.isPresent()) {
                    c = shorterOf(r.get(), chunk);
                    n = 2;
                    reduced = true;
                    break;
                }
            }
            // Reduce to a complement.
            if (!reduced && n > 2) {
                for (int i = 0; i < chunks.size(); i++) {
                    List<T> complement = complement(chunks, i);
                    Optional<List<T>> r = counted.apply(complement);
                    if (r.isPresent()) {
                        c = shorterOf(r.get(), complement);
                        n = Math.max(n - 1, 2);
                        reduced = true;
                        break;
                    }
                }
            }
            if (!reduced) {
                if (n >= c.size()) break;
                n = Math.min(c.size(), 2 * n);
            }
        }
        return new Result<>(c, tests[0]);
    }

    private static <T> List<T> shorterOf(List<T> normalised, List<T> candidate) {
        return List.copyOf(normalised.size() <= candidate.size() ? normalised : candidate);
    }

    /** {@code c} cut into {@code n} contiguous chunks of near-equal size (n <= c.size()). */
    static <T> List<List<T>> split(List<T> c, int n) {
        List<List<T>> out = new ArrayList<>(n);
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (c.size() - start) / (n - i);
            out.add(c.subList(start, end));
            start = end;
        }
        return out;
    }

    private static <T> List<T> complement(List<List<T>> chunks, int skip) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (i != skip) out.addAll(chunks.get(i));
        }
        return out;
    }
}
