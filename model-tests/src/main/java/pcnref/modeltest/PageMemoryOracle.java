package pcnref.modeltest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import pcnref.pages.Cluster;
import pcnref.pages.PageStep;

/**
 * The sequentially consistent memory a process expects from its one page, with MADV_DONTNEED in it:
 * every user read must return a value some linearisation allows. Without madvise that is exactly
 * one value (the last written: {@link SequentialMemory}); MADV_DONTNEED on anonymous memory is a
 * write of zeros (man 2 madvise), and at a remote it spans two steps (ZapRemote, then the forwarded
 * ForwardMadviseDontneed at the origin) during which a read may see either side of it.
 *
 * <ul>
 * <li>UserWrite: {@code allowed := {v}}. ZapOrigin: {@code allowed := {0}}.</li>
 * <li>ZapRemote(n) starts the call: {@code allowed := allowed ∪ {0}}; the old values are remembered.</li>
 * <li>ForwardMadviseDontneed(n) ends it: the old values from before it started are gone:
 *     {@code allowed := {0} ∪ (allowed \ before[n])} (a write racing with the call may win).</li>
 * <li>UserRead: the value (frame of the thread's node before the step) must be in {@code allowed};
 *     then {@code allowed := {value}} (the linearisation is fixed by what was observed).</li>
 * </ul>
 * MADV_RELEASE only gives up ownership and changes no value. Failure kind {@value SequentialMemory#STALE_READ}.
 *
 * @param allowed values a read may return now
 * @param before  per remote with a pending forwarded madvise: {@code allowed} when it started
 */
public record PageMemoryOracle(Set<Integer> allowed, Map<Integer, Set<Integer>> before) implements Oracle<Cluster, PageStep> {

    public PageMemoryOracle {
        allowed = Set.copyOf(allowed);
        before = Map.copyOf(before);
    }

    /** At Init: anonymous memory reads as zeros until written (page-protocol.md §9.2). */
    public static PageMemoryOracle initial() {
        return new PageMemoryOracle(Set.of(0), Map.of());
    }

    @Override
    public Verdict<Cluster, PageStep> step(Cluster b, PageStep step, Cluster a) {
        return switch (step.kind()) {
            case UserRead -> {
                int v = PageMemoryObserver.INSTANCE.read(b, step).getAsInt();
                if (!allowed.contains(v)) {
                    yield new Fail<>(SequentialMemory.STALE_READ, step + " at node " + b.cfg.homeOf(step.x()) + " read " + v
                            + ", sequential memory allows " + new TreeSet<>(allowed));
                }
                yield new Ok<>(new PageMemoryOracle(Set.of(v), before), 1);
            }
            case UserWrite -> ok(Set.of(PageMemoryObserver.INSTANCE.written(b, step, a).getAsInt()), before);
            case ZapOrigin -> ok(Set.of(0), before);
            case ZapRemote -> {
                Map<Integer, Set<Integer>> m = new TreeMap<>(before);
                m.put(step.x(), allowed);
                yield ok(plus(allowed, 0), m);
            }
            case ForwardMadviseDontneed -> {
                Map<Integer, Set<Integer>> m = new TreeMap<>(before);
                Set<Integer> old = m.remove(step.x());
                Set<Integer> now = new TreeSet<>(allowed);
                if (old != null) now.removeAll(old);
                now.add(0);
                yield ok(now, m);
            }
            default -> new Ok<>(this, 0);
        };
    }

    private static Ok<Cluster, PageStep> ok(Set<Integer> allowed, Map<Integer, Set<Integer>> before) {
        return new Ok<>(new PageMemoryOracle(allowed, before), 0);
    }

    private static Set<Integer> plus(Set<Integer> s, int v) {
        Set<Integer> t = new TreeSet<>(s);
        t.add(v);
        return t;
    }
}
