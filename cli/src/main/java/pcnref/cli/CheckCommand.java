package pcnref.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import pcnref.spec.Manifest;
import pcnref.spec.ManifestEntry;
import pcnref.spec.SpecException;
import pcnref.spec.SpecLocator;
import pcnref.spec.TlcCheck;
import pcnref.spec.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./pcn check pages}: TLC on every (ci-tier) config of spec/pages, each result compared with
 * spec/pages/manifest.json. Exit 0 only if every config matches.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run TLC on every config of a protocol (ci tier by default) and compare with the manifest.")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "protocol: pages", defaultValue = "pages")
    String protocol;

    @Option(names = "--config", description = "run only this cfg (file name, with or without .cfg)")
    String config;

    @Option(names = "--deep", description = "also run the deep-tier configs")
    boolean deep;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Option(names = "--timeout", description = "seconds per TLC run (default ${DEFAULT-VALUE})", defaultValue = "3600")
    long timeout;

    @Override
    public Integer call() {
        if (!protocol.equals("pages")) throw new SpecException("check: unknown protocol '" + protocol + "' (known: pages)");
        Manifest m = Manifest.load(SpecLocator.protocolDir(protocol).resolve("manifest.json"));
        List<ManifestEntry> entries = TlcCheck.select(m, config, deep);
        TlcRunner runner = new TlcRunner(new TlcRunner.Duration(timeout), line -> System.err.println("  " + line));
        if (!json) System.out.printf(Locale.ROOT, "%-34s %-22s %10s %6s %8s  %s%n", "config", "result", "distinct", "depth", "time", "vs manifest");
        List<TlcCheck.Outcome> outcomes = TlcCheck.checkAll(m, entries, runner, o -> {
            if (json) return;
            System.out.printf(Locale.ROOT, "%-34s %-22s %10d %6d %7.1fs  %s%n", o.entry().file(), o.result().outcome(),
                    o.result().distinctStates(), o.result().depth(), o.result().seconds(),
                    o.matches() ? "match" : "DRIFT: " + o.drift());
            System.out.flush();
        });
        boolean ok = outcomes.stream().allMatch(TlcCheck.Outcome::matches);
        if (json) {
            ObjectMapper om = new ObjectMapper();
            ArrayNode arr = om.createArrayNode();
            for (TlcCheck.Outcome o : outcomes) {
                ObjectNode n = arr.addObject();
                n.put("config", o.entry().file());
                n.put("tier", o.entry().tier());
                n.put("mode", o.entry().mode());
                n.put("expected", o.entry().expected());
                n.put("result", o.result().outcome());
                n.put("distinctStates", o.result().distinctStates());
                n.put("depth", o.result().depth());
                n.put("seconds", Math.round(o.result().seconds() * 10) / 10.0);
                n.put("match", o.matches());
                n.put("drift", o.drift());
            }
            ObjectNode root = om.createObjectNode();
            root.put("protocol", protocol);
            root.put("ok", ok);
            root.set("configs", arr);
            System.out.println(root.toPrettyString());
        } else {
            long matched = outcomes.stream().filter(TlcCheck.Outcome::matches).count();
            System.out.println(matched + "/" + outcomes.size() + " configs match the manifest");
        }
        return ok ? 0 : 1;
    }
}
