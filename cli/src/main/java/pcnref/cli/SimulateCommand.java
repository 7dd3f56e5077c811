package pcnref.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import pcnref.modeltest.Oracle;
import pcnref.modeltest.PageSimulation;
import pcnref.modeltest.PageSnapshot;
import pcnref.modeltest.Replay;
import pcnref.modeltest.SeedResult;
import pcnref.modeltest.Simulator;
import pcnref.modeltest.WalkReport;
import pcnref.pages.Cluster;
import pcnref.pages.PageConfig;
import pcnref.pages.PageManifest;
import pcnref.pages.PageModel;
import pcnref.pages.PageRun;
import pcnref.pages.PageStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./pcn simulate pages [--config NAME] [--seeds N] [--steps N] [--seed S] [--json]}: seeded
 * random walks over the Java reference with its invariants and the sequential-memory oracle; a
 * failing walk is shrunk (ddmin) and printed step by step. Exit 1 when a seed fails.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Seeded random walks over the reference with a sequential-memory oracle; failures are shrunk.")
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "pages", description = "protocol: pages")
    String protocol;

    @Option(names = "--config", defaultValue = "fixed",
            description = "simulation config (--list), or a TLC cfg of spec/pages (MCPageProtocol_NAME.cfg, its invariants) (default: ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--seeds", defaultValue = "4", description = "number of seeds (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--seed", defaultValue = "1", description = "first seed; seeds S, S+1, ... (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--steps", defaultValue = "20000", description = "steps per seed, over restarted walks (default: ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--max-walk", defaultValue = "2000", description = "longest walk before restarting from Init (default: ${DEFAULT-VALUE})")
    int maxWalk;

    @Option(names = "--weight", paramLabel = "ACTION=W",
            description = "weight of a spec action when choosing among enabled steps (default 1 each), e.g. --weight Deliver=3 --weight ZapOrigin=0.2")
    Map<String, Double> weights;

    @Option(names = "--no-invariants", description = "judge walks by the oracle only")
    boolean noInvariants;

    @Option(names = "--no-oracle", description = "judge walks by the invariants only")
    boolean noOracle;

    @Option(names = "--list", description = "list the simulation configs and exit")
    boolean list;

    @Option(names = "--spec-dir", description = "folder of the spec's cfgs and manifest.json, for TLC configs (default: spec/pages)")
    Path specDir;

    @Option(names = "--json", description = "one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        if (!protocol.equals("pages")) throw new IllegalArgumentException("simulate: unknown protocol " + protocol + " (have: pages)");
        if (list) {
            for (PageSimulation.Named n : PageSimulation.configs()) {
                System.out.printf("%-12s %-7s %s%n", n.name(), n.holds() ? "holds" : "fails", n.description());
            }
            return 0;
        }
        if (seeds < 1) throw new IllegalArgumentException("simulate: --seeds must be >= 1, got " + seeds);
        if (steps < 1) throw new IllegalArgumentException("simulate: --steps must be >= 1, got " + steps);
        if (maxWalk < 1) throw new IllegalArgumentException("simulate: --max-walk must be >= 1, got " + maxWalk);
        PageModel model = resolve(config);
        PageConfig cfg = model.config();
        Simulator<Cluster, PageStep> sim = PageSimulation.simulator(model).withMaxWalkSteps(maxWalk).withInvariants(!noInvariants);
        if (noInvariants && noOracle) throw new IllegalArgumentException("simulate: --no-invariants and --no-oracle leave nothing to check");
        if (noOracle) sim = sim.withOracle(Oracle.none());
        if (weights != null && !weights.isEmpty()) {
            Map<PageStep.Action, Double> w = new EnumMap<>(PageStep.Action.class);
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                PageStep.Action a;
                try {
                    a = PageStep.Action.valueOf(e.getKey());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("simulate: --weight " + e.getKey() + ": no such action (have: "
                            + java.util.Arrays.toString(PageStep.Action.values()) + ")");
                }
                if (!(e.getValue() >= 0)) throw new IllegalArgumentException("simulate: --weight " + e.getKey() + " must be >= 0");
                w.put(a, e.getValue());
            }
            sim = sim.withWeights(step -> w.getOrDefault(step.kind(), 1.0));
        }

        List<SeedResult<Cluster, PageStep>> results = new ArrayList<>();
        ObjectNode out = new ObjectMapper().createObjectNode();
        ArrayNode arr = out.putArray("seeds");
        if (!json) System.out.println("pages/" + config + ": " + describe(cfg) + "; " + seeds + " seed(s) x " + String.format("%,d", steps) + " steps"
                + (noInvariants ? "; oracle only" : noOracle ? "; invariants only" : "; invariants + oracle"));
        for (long s = seed; s < seed + seeds; s++) {
            SeedResult<Cluster, PageStep> r = sim.run(s, steps);
            results.add(r);
            if (json) arr.add(toJson(r));
            else print(r);
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        long total = results.stream().mapToLong(SeedResult::steps).sum();
        long nanos = results.stream().mapToLong(SeedResult::nanos).sum();
        if (json) {
            out.put("protocol", protocol).put("config", config).put("constants", describe(cfg));
            out.put("steps", total).put("seconds", nanos / 1e9).put("stepsPerSecond", Math.round(total / Math.max(1e-9, nanos / 1e9)));
            out.put("failedSeeds", failed).put("result", failed == 0 ? "pass" : "fail");
            System.out.println(out);
        } else {
            System.out.printf("total: %,d steps in %.2f s (%,.0f steps/s), %d of %d seed(s) failed%n",
                    total, nanos / 1e9, total / Math.max(1e-9, nanos / 1e9), failed, results.size());
        }
        return failed == 0 ? 0 : 1;
    }

    /** A simulation config by name, else a TLC cfg of spec/pages (constants and invariants), when there is one. */
    private PageModel resolve(String name) {
        try {
            return new PageModel(PageSimulation.config(name).config());
        } catch (IllegalArgumentException notBuiltIn) {
            Path dir = specDir != null ? specDir : PageManifest.defaultDir(Path.of(System.getProperty("pcn.home", ".")));
            if (!Files.isRegularFile(dir.resolve("MCPageProtocol_" + name + ".cfg"))) throw notBuiltIn;
            return PageRun.of(dir, name).model();
        }
    }

    private static String describe(PageConfig c) {
        return "N=" + c.n() + " Home=" + c.home().toJavaList() + " NumValues=" + c.numValues() + " MaxAccesses=" + c.maxAccesses()
                + " MaxFollowers=" + c.maxFollowers() + " MaxEnvOps=" + c.maxEnvOps() + " Bugs=" + new java.util.TreeSet<>(c.bugs());
    }

    private void print(SeedResult<Cluster, PageStep> r) {
        System.out.printf("seed %d: %,d steps in %d walk(s), %,d distinct states, %,d reads checked, %.2f s (%,.0f steps/s): %s%n",
                r.seed(), r.steps(), r.walks(), r.distinctStates(), r.checked(), r.nanos() / 1e9, r.stepsPerSecond(),
                r.passed() ? "pass" : "FAIL");
        r.found().ifPresent(f -> {
            var fail = f.original().failure().orElseThrow();
            System.out.printf("  %s at step %d of walk %d (%s); shrunk %d -> %d steps (%d replays, %.2f s):%n",
                    fail.kind(), fail.step(), f.walk() + 1, fail.detail(), f.original().length(), f.shrunk().walk().length(),
                    f.shrunk().tests(), r.shrinkNanos() / 1e9);
            System.out.print(WalkReport.render(f.shrunk().walk(), PageSnapshot::change));
            System.out.println("  repeat: ./pcn simulate pages" + (specDir != null ? " --spec-dir " + specDir : "") + " --config " + config + " --seed " + r.seed() + " --seeds 1 --steps " + steps
                    + (maxWalk != 2000 ? " --max-walk " + maxWalk : "") + (noInvariants ? " --no-invariants" : "") + (noOracle ? " --no-oracle" : "")
                    + (weights == null ? "" : weights.entrySet().stream().map(e -> " --weight " + e.getKey() + "=" + e.getValue())
                            .collect(java.util.stream.Collectors.joining())));
        });
    }

    private static ObjectNode toJson(SeedResult<Cluster, PageStep> r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("seed", r.seed()).put("steps", r.steps()).put("walks", r.walks()).put("distinctStates", r.distinctStates())
                .put("readsChecked", r.checked()).put("seconds", r.nanos() / 1e9).put("stepsPerSecond", Math.round(r.stepsPerSecond()))
                .put("result", r.passed() ? "pass" : "fail");
        r.found().ifPresent(f -> {
            var fail = f.original().failure().orElseThrow();
            ObjectNode fo = o.putObject("failure");
            fo.put("kind", fail.kind()).put("detail", fail.detail()).put("walk", f.walk() + 1).put("step", fail.step())
                    .put("originalSteps", f.original().length()).put("shrunkSteps", f.shrunk().walk().length())
                    .put("replays", f.shrunk().tests()).put("shrinkSeconds", r.shrinkNanos() / 1e9);
            ArrayNode st = fo.putArray("shrunk");
            Replay<Cluster, PageStep> w = f.shrunk().walk();
            for (int i = 0; i < w.length(); i++) {
                st.addObject().put("step", i + 1).put("label", w.labels().get(i).toString())
                        .put("change", PageSnapshot.change(w.states().get(i), w.states().get(i + 1)));
            }
        });
        return o;
    }
}
