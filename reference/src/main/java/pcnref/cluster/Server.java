package pcnref.cluster;

import java.util.function.BiConsumer;

/**
 * One kernel server (page, process, VMA, futex) as a set of atomic steps over a cluster state
 * {@code S}: the steps its contexts (user threads, pcn_wq workers, receive kthreads) can take, each a
 * pure function. A cluster model is the union of its servers' steps; a server reads and writes only
 * its own part of {@code S} plus the shared transport (per-pair FIFO channels of pcnref.kmsg
 * records) and pcn_wq pools, so adding a server adds steps without touching the others.
 *
 * @param <S> the cluster state (immutable)
 * @param <T> this server's step type (a sealed family or a record with an action enum)
 */
public interface Server<S, T extends Step> {

    /** Every step of this server enabled in {@code s}, with the state it leads to. */
    void forEachStep(S s, BiConsumer<T, S> sink);

    /** The state after {@code step}, or null when it is not enabled in {@code s}. */
    S apply(S s, T step);
}
