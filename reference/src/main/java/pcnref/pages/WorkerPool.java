package pcnref.pages;

import io.vavr.collection.TreeSet;
import java.util.Iterator;
import java.util.function.UnaryOperator;
import pcnref.explore.Fp;

/**
 * pool[n]: the pcn_wq work items of one node, an unordered set (a Vavr sorted set, so iteration is
 * deterministic), with its fingerprint computed once: a pool unchanged by a step is shared by the
 * successor and not hashed again.
 */
public final class WorkerPool implements Iterable<Worker> {
    public static final WorkerPool EMPTY = new WorkerPool(TreeSet.empty());

    private final TreeSet<Worker> items;
    private final long fp;

    private WorkerPool(TreeSet<Worker> items) {
        this.items = items;
        long h = Fp.mix(Fp.SEED, items.size());
        for (Worker w : items) h = Fp.mix(h, w.fp());
        this.fp = h;
    }

    public WorkerPool add(Worker w) {
        return new WorkerPool(items.add(w));
    }

    public WorkerPool remove(Worker w) {
        return new WorkerPool(items.remove(w));
    }

    /** ReplaceWorker(P, w, w2) = (P \ {w}) \cup {w2}. */
    public WorkerPool replace(Worker w, Worker w2) {
        return new WorkerPool(items.remove(w).add(w2));
    }

    public WorkerPool map(UnaryOperator<Worker> f) {
        return new WorkerPool(items.map(f));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    public boolean contains(Worker w) {
        return items.contains(w);
    }

    /** The least work item (tests). */
    public Worker head() {
        return items.head();
    }

    public TreeSet<Worker> items() {
        return items;
    }

    long fp() {
        return fp;
    }

    @Override
    public Iterator<Worker> iterator() {
        return items.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkerPool p && p.fp == fp && p.items.equals(items);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fp);
    }

    @Override
    public String toString() {
        return items.mkString("{", ", ", "}");
    }
}
