package pcnref.conformance;

/**
 * The conformance check of one config: both reachable graphs, compared, with the time each side
 * took. A config with SYMMETRY is explored without it on both sides (TLC's API applies symmetry only
 * when fingerprinting, which this check does not use), so its counts exceed TLC's reduced count.
 */
public final class Conformance {
    private Conformance() {}

    /** Everything a report needs about one config. */
    public record Outcome(SpecConfig config, SpaceComparison.Result result, double tlcSeconds, double javaSeconds,
                          RandomWalks.Result walks, double walkSeconds) {
        public boolean ok() {
            return (result == null || result.equal()) && (walks == null || walks.ok());
        }
    }

    public static <S> Outcome check(SpecConfig config, ReferenceModel<S> model, long maxStates) {
        long t0 = System.nanoTime();
        TlcStateSpace tlc = TlcStateSpace.load(config.specDir(), config.module(), config.cfg());
        StateGraph tg = tlc.explore(maxStates);
        long t1 = System.nanoTime();
        StateGraph jg = JavaStateSpace.explore(model, maxStates);
        long t2 = System.nanoTime();
        SpaceComparison.Result r = SpaceComparison.compare(tg, jg);
        return new Outcome(config, r, (t1 - t0) / 1e9, (t2 - t1) / 1e9, null, 0);
    }

    /**
     * The lockstep check of one config (stops at the first difference); for a config TLC refutes,
     * up to the counterexample's length, as TLC stopped there too.
     */
    public static Lockstep.Result lockstep(SpecConfig config, long maxStates) {
        TlcStateSpace tlc = TlcStateSpace.load(config.specDir(), config.module(), config.cfg());
        return Lockstep.run(tlc, PagesReference.model(PagesReference.pageConfig(tlc, config)), (int) maxStates,
                config.refuted() ? config.tlcDepth() : Integer.MAX_VALUE);
    }

    public static <S> Outcome walk(SpecConfig config, ReferenceModel<S> model, long seed, int walks, int depth) {
        long t0 = System.nanoTime();
        TlcStateSpace tlc = TlcStateSpace.load(config.specDir(), config.module(), config.cfg());
        RandomWalks.Result w = RandomWalks.run(tlc, model, seed, (long) walks * depth, depth);
        return new Outcome(config, null, 0, 0, w, (System.nanoTime() - t0) / 1e9);
    }
}
