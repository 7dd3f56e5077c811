package pcnref.explore;

import java.util.function.Predicate;

/** A named state predicate; the name is the spec's invariant name (e.g. {@code SingleWriter}). */
public record Invariant<S>(String name, Predicate<S> holds) {
}
