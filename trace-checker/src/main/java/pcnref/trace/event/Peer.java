package pcnref.trace.event;

/** Popcorn's "[pid/nid]": a task on another node, as the kernel's logs name it. */
public record Peer(int pid, int nid) {
    @Override
    public String toString() {
        return "[" + pid + "/" + nid + "]";
    }
}
