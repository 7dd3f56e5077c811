package pcnref.modeltest;

import java.util.List;
import java.util.function.BiFunction;

/** Prints a walk as a numbered step list: each step's label and the state change it made. */
public final class WalkReport {
    private WalkReport() {
    }

    /** Uses {@link StateDiff} for the state change. */
    public static <S, L> String render(Replay<S, L> walk) {
        return render(walk, StateDiff::describe);
    }

    /**
     * @param change what a step changed, from the states before and after it
     */
    public static <S, L> String render(Replay<S, L> walk, BiFunction<S, S, String> change) {
        StringBuilder sb = new StringBuilder();
        List<L> labels = walk.labels();
        int width = String.valueOf(Math.max(1, labels.size())).length();
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format("  %" + width + "d. %s%n", i + 1, labels.get(i)));
            String c = change.apply(walk.states().get(i), walk.states().get(i + 1));
            sb.append(" ".repeat(width + 6)).append(c).append('\n');
        }
        walk.failure().ifPresent(f -> sb.append("  => ").append(f.kind()).append(" after step ").append(f.step())
                .append(": ").append(f.detail()).append('\n'));
        return sb.toString();
    }
}
