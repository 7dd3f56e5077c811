package pcnref.modeltest;

import java.util.OptionalInt;

/**
 * The simplest sequentially consistent memory: one cell holding the last value written. Every read
 * a walk observes must return it; every write replaces it. Failure kind {@value #STALE_READ}.
 *
 * @param value    the cell
 * @param observer how reads and writes are seen in the model's steps
 */
public record SequentialMemory<S, L>(int value, Observer<S, L> observer) implements Oracle<S, L> {

    public static final String STALE_READ = "StaleRead";

    /** How a model's steps read and write the memory. */
    public interface Observer<S, L> {
        /** The value the step reads, if it is a user read (computed from the state before it). */
        OptionalInt read(S before, L step);

        /** The value the step stores, if it is a user write. */
        OptionalInt written(S before, L step, S after);
    }

    @Override
    public Verdict<S, L> step(S before, L label, S after) {
        OptionalInt r = observer.read(before, label);
        if (r.isPresent() && r.getAsInt() != value) {
            return new Fail<>(STALE_READ, label + " read " + r.getAsInt() + ", sequential memory holds " + value);
        }
        OptionalInt w = observer.written(before, label, after);
        Oracle<S, L> next = w.isPresent() ? new SequentialMemory<>(w.getAsInt(), observer) : this;
        return new Ok<>(next, r.isPresent() ? 1 : 0);
    }
}
