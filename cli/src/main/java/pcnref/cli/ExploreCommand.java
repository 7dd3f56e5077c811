package pcnref.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import pcnref.explore.Counterexample;
import pcnref.explore.ExploreResult;
import pcnref.pages.Cluster;
import pcnref.pages.PageManifest;
import pcnref.pages.PageRun;
import pcnref.pages.PageStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./pcn explore pages [--config ci] [--json]}: BFS over the Java reference with the constants
 * of spec/pages/MCPageProtocol_CONFIG.cfg (and the manifest), compared with TLC's recorded figures.
 * Exit 0 when Java and TLC agree (or, with no TLC figures, when no invariant fails), else 1.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Explore a protocol's state space with the Java reference and compare with TLC's figures.")
public final class ExploreCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "protocol: pages")
    String protocol;

    @Option(names = "--config", defaultValue = "ci", description = "config: MCPageProtocol_<config>.cfg (default: ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--json", description = "one JSON object on stdout")
    boolean json;

    @Option(names = "--spec-dir", description = "folder of the spec, its cfgs and manifest.json (default: spec/pages)")
    Path specDir;

    @Option(names = "--trace", description = "print the counterexample (labels and states) when an invariant fails")
    boolean trace;

    @Override
    public Integer call() {
        if (!protocol.equals("pages")) throw new IllegalArgumentException("explore: unknown protocol " + protocol + " (have: pages)");
        Path home = Path.of(System.getProperty("pcn.home", "."));
        PageRun run = PageRun.of(specDir != null ? specDir : PageManifest.defaultDir(home), config);
        ExploreResult<Cluster, PageStep> r = run.explore(System.err);
        PageRun.Comparison cmp = run.compare(r);
        String violation = r.violation().map(Counterexample::invariant).orElse(null);
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("protocol", protocol).put("config", config);
            o.put("distinctStates", r.distinctStates()).put("statesGenerated", r.statesGenerated()).put("depth", r.depth());
            o.put("seconds", r.seconds()).put("statesPerSecond", Math.round(r.distinctPerSecond())).put("complete", r.complete());
            o.put("violation", violation);
            run.tlcDistinct().ifPresent(v -> o.put("tlcDistinctStates", v));
            run.tlcDepth().ifPresent(v -> o.put("tlcDepth", v));
            run.tlcExpected().ifPresent(v -> o.put("tlcExpected", v));
            run.tlcSeconds().ifPresent(v -> o.put("tlcSeconds", v));
            o.put("compared", cmp.known()).put("agree", cmp.agree());
            System.out.println(o);
        } else {
            System.out.printf("pages/%s (Java): %,d distinct states, %,d generated, depth %d, %.2f s, %,.0f distinct states/s"
                            + " (%.2f s CPU, %,.0f per CPU second)%n", config, r.distinctStates(), r.statesGenerated(), r.depth(),
                    r.seconds(), r.distinctPerSecond(), r.cpuNanos() / 1e9, r.distinctPerCpuSecond());
            System.out.println("invariants " + String.join(", ", run.invariantNames()) + ": "
                    + (violation == null ? "hold" : violation + " violated, counterexample of " + r.depth() + " states"));
            System.out.println(cmp.summary());
            if (run.tlcSeconds().isPresent() && run.tlcDistinct().isPresent() && violation == null && run.tlcSeconds().getAsLong() > 0) {
                double tlcRate = run.tlcDistinct().getAsLong() / (double) run.tlcSeconds().getAsLong();
                System.out.printf("speed: TLC recorded %d s wall (%,.0f distinct states/s, informative: shared machine); Java %.1fx%n",
                        run.tlcSeconds().getAsLong(), tlcRate, r.distinctPerSecond() / tlcRate);
            }
            if (trace) r.violation().ifPresent(c -> System.out.println(c.render(Cluster::toString)));
        }
        return cmp.agree() ? 0 : 1;
    }
}
