package pcnref.modeltest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import pcnref.explore.Invariant;
import pcnref.explore.TransitionSystem;

/**
 * Toy coherence protocol: a memory cell and two write-through caches (-1 = invalid), values mod 4.
 * Fill(i) loads the cell into invalid cache i, Read(i) reads valid cache i, Write(i) stores the next
 * value into the cell and cache i and invalidates the other cache, unless {@code buggy} (then the
 * other cache keeps its stale copy). No invariants: only the {@link SequentialMemory} oracle can see
 * the bug; a minimal stale read: [Fill(1), Write(0), Read(1)] (or Write(1) first).
 */
record WriteThroughCaches(boolean buggy) implements TransitionSystem<WriteThroughCaches.State, String> {

    record State(int mem, int c0, int c1) {
        int cache(int i) {
            return i == 0 ? c0 : c1;
        }

        State withCache(int i, int v) {
            return i == 0 ? new State(mem, v, c1) : new State(mem, c0, v);
        }
    }

    public List<State> initStates() {
        return List.of(new State(0, -1, -1));
    }

    public List<String> enabled(State s) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (s.cache(i) < 0) l.add("Fill(" + i + ")");
            else l.add("Read(" + i + ")");
            l.add("Write(" + i + ")");
        }
        return l;
    }

    public State apply(State s, String step) {
        int i = step.charAt(step.length() - 2) - '0';
        if (step.startsWith("Fill")) return s.withCache(i, s.mem());
        if (step.startsWith("Read")) return s;
        int v = (s.mem() + 1) % 4;
        State t = new State(v, s.c0(), s.c1()).withCache(i, v);
        return buggy ? t : t.withCache(1 - i, -1);
    }

    public List<Invariant<State>> invariants() {
        return List.of();
    }

    public long fingerprint(State s) {
        return s.mem() * 100L + (s.c0() + 1) * 10L + s.c1() + 1;
    }

    /** Reads and writes of this model as the oracle sees them. */
    static final SequentialMemory.Observer<State, String> OBSERVER = new SequentialMemory.Observer<>() {
        public OptionalInt read(State before, String step) {
            return step.startsWith("Read") ? OptionalInt.of(before.cache(step.charAt(5) - '0')) : OptionalInt.empty();
        }

        public OptionalInt written(State before, String step, State after) {
            return step.startsWith("Write") ? OptionalInt.of(after.mem()) : OptionalInt.empty();
        }
    };
}
