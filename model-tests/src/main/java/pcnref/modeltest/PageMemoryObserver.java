package pcnref.modeltest;

import java.util.OptionalInt;
import pcnref.pages.Cluster;
import pcnref.pages.PageStep;

/**
 * How a user thread reads and writes the page in the page model (PageProtocol.tla UserRead,
 * UserWrite). The model does not carry the value a load returns, so it is taken from the state
 * before the step: the load executes on the frame behind the thread's node's PTE, i.e.
 * {@code frame[Home(t)]} (UserRead changes nothing else). A store's value is the frame after it.
 */
public final class PageMemoryObserver implements SequentialMemory.Observer<Cluster, PageStep> {
    public static final PageMemoryObserver INSTANCE = new PageMemoryObserver();

    private PageMemoryObserver() {
    }

    @Override
    public OptionalInt read(Cluster before, PageStep step) {
        if (step.kind() != PageStep.Action.UserRead) return OptionalInt.empty();
        return OptionalInt.of(before.frame.get(before.cfg.homeOf(step.x())));
    }

    @Override
    public OptionalInt written(Cluster before, PageStep step, Cluster after) {
        if (step.kind() != PageStep.Action.UserWrite) return OptionalInt.empty();
        return OptionalInt.of(after.frame.get(after.cfg.homeOf(step.x())));
    }

}
