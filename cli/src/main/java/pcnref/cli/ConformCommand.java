package pcnref.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import pcnref.conformance.Conformance;
import pcnref.conformance.Lockstep;
import pcnref.conformance.PagesReference;
import pcnref.conformance.SpecConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pcn conform pages}: for each selected config, the reachable graph of the spec (through TLC's
 * API) and of the Java reference, compared state by state and transition by transition; optionally
 * seeded random walks of the reference checked step by step against TLC. Exit 0 only if all agree.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Prove the Java reference and the TLA+ spec have the same state space.")
public final class ConformCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "protocol: pages")
    String protocol;

    @Option(names = "--config", paramLabel = "NAME", description = "one config of the manifest (default: every ci-tier config without SYMMETRY)")
    String config;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Option(names = "--walks", paramLabel = "N", description = "also check N x D random steps of the reference against TLC: walks of at most D steps (--depth), a new walk from an initial state when one ends (default 0)")
    int walks;

    @Option(names = "--depth", paramLabel = "D", description = "steps per walk (default ${DEFAULT-VALUE})")
    int depth = 200;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the walks (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--max-states", paramLabel = "N", description = "stop exploring a side past N distinct states (default ${DEFAULT-VALUE})")
    long maxStates = 3_000_000;

    @Option(names = "--no-graph", description = "skip the state-space comparison (walks only)")
    boolean noGraph;

    @Override
    public Integer call() {
        if (!"pages".equals(protocol)) {
            System.err.println("pcn conform: unknown protocol '" + protocol + "' (known: pages)");
            return 2;
        }
        Path dir = PagesReference.specDir();
        List<SpecConfig> all = SpecConfig.readManifest(dir);
        List<SpecConfig> graphConfigs = new ArrayList<>(), walkConfigs = new ArrayList<>();
        if (config != null) {
            SpecConfig c = all.stream().filter(x -> x.isNamed(config)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(dir.resolve("manifest.json") + ": no config named " + config
                            + " (known: " + String.join(", ", all.stream().map(SpecConfig::name).toList()) + ")"));
            if (!noGraph) graphConfigs.add(c);
            if (walks > 0) walkConfigs.add(c);
        } else {
            java.util.Map<String, String> models = new java.util.HashMap<>();
            for (SpecConfig c : all) {
                if (!noGraph && c.tier().equals("ci") && !c.hasSymmetry()) {
                    String same = models.putIfAbsent(c.modelKey(), c.name());
                    if (same == null) graphConfigs.add(c);
                    else if (!json) System.out.printf("%s: same model as %s (only the checked properties differ): not repeated%n", c.name(), same);
                }
                if (walks > 0 && !c.tier().equals("ci")) walkConfigs.add(c);
            }
            if (walks > 0 && walkConfigs.isEmpty()) // no deeper config: walk the ci ones
                all.stream().filter(c -> c.tier().equals("ci")).forEach(walkConfigs::add);
        }
        ObjectMapper om = new ObjectMapper();
        ArrayNode out = om.createArrayNode();
        boolean ok = true;
        for (SpecConfig c : graphConfigs) {
            if (c.refuted()) { // TLC stops at the counterexample; the full space is deep-tier sized
                long t0 = System.nanoTime();
                Lockstep.Result r = Conformance.lockstep(c, maxStates);
                double secs = (System.nanoTime() - t0) / 1e9;
                ok &= r.equal();
                ObjectNode n = out.addObject();
                n.put("config", c.name()).put("check", "lockstep-to-depth").put("depth", c.tlcDepth()).put("equal", r.equal())
                        .put("states", r.states()).put("transitions", r.transitions()).put("seconds", round(secs));
                if (!r.equal()) n.put("firstDifference", r.firstDifference() == null ? "state limit reached" : r.firstDifference());
                if (!json) {
                    System.out.printf("%s: TLC refutes it (%s, counterexample of %d states): %s up to depth %d: %,d states, %,d transitions, %.2f s%n",
                            c.name(), c.expected(), c.tlcDepth(), r.equal() ? "EQUAL" : "DIFFERENT", c.tlcDepth(), r.states(), r.transitions(), secs);
                    if (r.firstDifference() != null) System.out.println(r.firstDifference().indent(2).stripTrailing());
                }
                continue;
            }
            if (!json) System.out.printf("%s (%s%s): exploring both sides...%n", c.name(), c.cfg(),
                    c.hasSymmetry() ? ", SYMMETRY ignored: full space on both sides" : "");
            Conformance.Outcome o = Conformance.check(c, PagesReference.model(c), maxStates);
            ok &= o.ok();
            var r = o.result();
            ObjectNode n = out.addObject();
            n.put("config", c.name()).put("check", "state-space").put("equal", r.equal())
                    .put("tlcStates", r.tlcStates()).put("javaStates", r.javaStates())
                    .put("tlcTransitions", r.tlcTransitions()).put("javaTransitions", r.javaTransitions())
                    .put("tlcSeconds", round(o.tlcSeconds())).put("javaSeconds", round(o.javaSeconds()));
            if (!r.equal()) n.put("firstDifference", r.firstDifference());
            if (!json) {
                System.out.printf("%s: %s%n  TLC : %,d states, %,d transitions, %.2f s%n  Java: %,d states, %,d transitions, %.2f s%n",
                        c.name(), r.equal() ? "EQUAL state spaces" : "DIFFERENT state spaces",
                        r.tlcStates(), r.tlcTransitions(), o.tlcSeconds(), r.javaStates(), r.javaTransitions(), o.javaSeconds());
                if (!r.equal()) System.out.println(r.firstDifference().indent(2).stripTrailing());
            }
        }
        for (SpecConfig c : walkConfigs) {
            Conformance.Outcome o = Conformance.walk(c, PagesReference.model(c), seed, walks, depth);
            ok &= o.ok();
            var w = o.walks();
            ObjectNode n = out.addObject();
            n.put("config", c.name()).put("check", "walks").put("ok", w.ok()).put("seed", seed).put("walks", w.walks())
                    .put("steps", w.steps()).put("distinctStates", w.distinctStates()).put("seconds", round(o.walkSeconds()));
            if (!w.ok()) n.put("failure", w.failure());
            if (!json) {
                System.out.printf("%s: random walks (seed %d): %s, %,d steps in %d walks, %,d distinct states, %.2f s%n",
                        c.name(), seed, w.ok() ? "every step is a step of the spec" : "FAILED", w.steps(), w.walks(),
                        w.distinctStates(), o.walkSeconds());
                if (!w.ok()) System.out.println(w.failure().indent(2).stripTrailing());
            }
        }
        if (graphConfigs.isEmpty() && walkConfigs.isEmpty()) {
            System.err.println("pcn conform: " + dir + ": no config selected (ci-tier configs without SYMMETRY, or --config NAME)");
            return 2;
        }
        if (json) System.out.println(out.toPrettyString());
        return ok ? 0 : 1;
    }

    private static double round(double s) {
        return Math.round(s * 1000) / 1000.0;
    }
}
