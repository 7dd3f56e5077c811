package pcnref.pages;

import io.vavr.collection.Queue;
import java.util.Iterator;
import pcnref.explore.Fp;
import pcnref.kmsg.PcnKmsg;

/**
 * chan[a][b]: the FIFO of pcn_kmsg records from node a to node b (per-destination send queue + TCP),
 * a Vavr queue with its fingerprint computed once (an unchanged channel is not hashed again).
 */
public final class Channel implements Iterable<PcnKmsg> {
    public static final Channel EMPTY = new Channel(Queue.empty());

    private final Queue<PcnKmsg> msgs;
    private final long fp;

    private Channel(Queue<PcnKmsg> msgs) {
        this.msgs = msgs;
        long h = Fp.mix(Fp.SEED ^ 0x5151L, msgs.size());
        for (PcnKmsg m : msgs) h = Fp.mix(h, ModelKmsg.code(m));
        this.fp = h;
    }

    /** Append(chan[a][b], m). */
    public Channel enqueue(PcnKmsg m) {
        return new Channel(msgs.enqueue(m));
    }

    /** Tail(chan[a][b]). */
    public Channel tail() {
        return new Channel(msgs.tail());
    }

    /** Head(chan[a][b]). */
    public PcnKmsg head() {
        return msgs.head();
    }

    public PcnKmsg get(int i) {
        return msgs.get(i);
    }

    public boolean isEmpty() {
        return msgs.isEmpty();
    }

    public int size() {
        return msgs.size();
    }

    long fp() {
        return fp;
    }

    @Override
    public Iterator<PcnKmsg> iterator() {
        return msgs.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Channel c && c.fp == fp && c.msgs.equals(msgs);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fp);
    }

    @Override
    public String toString() {
        return msgs.mkString("<<", ", ", ">>");
    }
}
