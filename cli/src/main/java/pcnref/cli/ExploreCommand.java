package pcnref.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.OptionalLong;
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
 * of a manifest config, compared with TLC's figures recorded in the manifest.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Explore a protocol's state space with the Java reference and compare with TLC's figures.")
public final class ExploreCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "protocol: pages")
    String protocol;

    @Option(names = "--config", defaultValue = "ci", description = "manifest config name (default: ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--json", description = "one JSON object on stdout")
    boolean json;

    @Option(names = "--spec-dir", description = "folder of the spec and its manifest.json (default: spec/pages)")
    Path specDir;

    @Option(names = "--trace", description = "print the counterexample when an invariant fails")
    boolean trace;

    @Override
    public Integer call() throws Exception {
        if (!protocol.equals("pages")) throw new IllegalArgumentException("explore: unknown protocol " + protocol + " (have: pages)");
        Path home = Path.of(System.getProperty("pcn.home", "."));
        PageRun run = PageRun.of(specDir != null ? specDir : PageManifest.defaultDir(home), config);
        ExploreResult<Cluster, PageStep> r = run.explore(System.err);

        OptionalLong tlcDistinct = run.tlcDistinct();
        OptionalLong tlcDepth = run.tlcDepth();
        String tlcViolation = run.tlcViolation().orElse(null);
        String violation = r.violation().map(Counterexample::invariant).orElse(null);
        boolean distinctEqual = tlcDistinct.isPresent() && tlcDistinct.getAsLong() == r.distinctStates();
        boolean depthEqual = tlcDepth.isPresent() && tlcDepth.getAsLong() == r.depth();
        boolean violationEqual = java.util.Objects.equals(violation, tlcViolation);
        // A run stopped by a violation explores a BFS prefix whose size depends on successor order: only
        // the violated invariant and its depth compare with TLC then.
        boolean agree = violationEqual && depthEqual && (violation != null || distinctEqual);

        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("protocol", protocol).put("config", config);
            o.put("distinctStates", r.distinctStates()).put("statesGenerated", r.statesGenerated()).put("depth", r.depth());
            o.put("seconds", r.seconds()).put("statesPerSecond", Math.round(r.distinctPerSecond())).put("complete", r.complete());
            o.put("violation", violation);
            if (tlcDistinct.isPresent()) o.put("tlcDistinctStates", tlcDistinct.getAsLong());
            if (tlcDepth.isPresent()) o.put("tlcDepth", tlcDepth.getAsLong());
            o.put("tlcViolation", tlcViolation);
            o.put("distinctEqual", distinctEqual).put("depthEqual", depthEqual).put("agree", agree);
            System.out.println(o);
        } else {
            System.out.printf("pages/%s: %,d distinct states, %,d generated, depth %d, %.2f s, %,.0f distinct states/s%n",
                    config, r.distinctStates(), r.statesGenerated(), r.depth(), r.seconds(), r.distinctPerSecond());
            System.out.println("invariants: " + (violation == null ? "all hold" : violation + " violated at depth " + r.depth()));
            if (tlcDistinct.isEmpty() && tlcDepth.isEmpty()) {
                System.out.println("TLC (manifest): no figures for " + config + ": nothing compared");
            } else {
                System.out.println("TLC (manifest): " + (tlcDistinct.isPresent() ? String.format("%,d", tlcDistinct.getAsLong()) : "?")
                        + " distinct states, depth " + (tlcDepth.isPresent() ? tlcDepth.getAsLong() : "?")
                        + (tlcViolation == null ? "" : ", " + tlcViolation + " violated"));
                System.out.println((violation == null ? "distinct states " + (distinctEqual ? "equal" : "DIFFER") + ", " : "")
                        + "depth " + (depthEqual ? "equal" : "DIFFERS") + ", violation " + (violationEqual ? "equal" : "DIFFERS")
                        + (agree ? ": Java and TLC agree" : ": Java and TLC DISAGREE"));
            }
            if (trace) r.violation().ifPresent(c -> System.out.println(c.render(Cluster::toString)));
        }
        if (tlcDistinct.isEmpty() && tlcDepth.isEmpty()) return violation == null ? 0 : 1;
        return agree ? 0 : 1;
    }
}
