package pcnref.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pcnref.pages.PageManifest;
import pcnref.trace.event.EventJson;
import pcnref.trace.explain.ExplainText;
import pcnref.trace.explain.Explainer;
import pcnref.trace.explain.Explanation;
import pcnref.trace.explain.Explanation.ModelRef;

/** {@code ./pcn explain RUN_DIR}: a recording explained from its own logs (docs/explain.md). */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a recorded run (a directory of nodeN.dmesg.txt, nodeN.ftrace.txt, nodeN.pcap, nodeN.hang.txt,"
                + " program.out.txt): per page and node the fault-handling history mapped to the page model's steps and fh_action"
                + " rows, the state at the end (open handles, sleepers, unanswered requests, RETRY storms, blocked tasks), and a"
                + " verdict: completed, hang: FP1 futex-pin self-wait, hang: other, or incomplete recording."})
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The recording's directory.")
    Path dir;

    @Option(names = "--page", paramLabel = "ADDR", description = "Show this page's history (hex; repeatable). Default: the pages left open at the end, else the busiest.")
    List<String> pages = new ArrayList<>();

    @Option(names = "--json", description = "One JSON document (schema: docs/explain.schema.json).")
    boolean json;

    @Option(names = "--all-events", description = "Show every event of the pages, not the first 3 and the last of each repeated one.")
    boolean allEvents;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        List<Long> ps = null;
        if (!pages.isEmpty()) {
            ps = new ArrayList<>();
            for (String p : pages) {
                String s = p.startsWith("0x") || p.startsWith("0X") ? p.substring(2) : p;
                try {
                    ps.add(Long.parseUnsignedLong(s, 16) & ~0xfffL);
                } catch (NumberFormatException e) {
                    err.println("pcn explain: --page " + p + ": not a hex address");
                    return 2;
                }
            }
        }
        Explanation x;
        try {
            x = Explainer.explain(dir, new Explainer.Options(ps, allEvents, s -> err.println("pcn explain: " + s), ExplainCommand::model));
        } catch (IOException e) {
            err.println("pcn explain: " + e.getMessage());
            return 1;
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (json) out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(x));
        else out.print(ExplainText.render(x));
        out.flush();
        return 0;
    }

    /** The counterexample of a page-model config, as spec/pages/manifest.json records it. */
    static ModelRef model(String cfg) {
        String cmd = "./pcn check pages --config " + cfg;
        try {
            Path dir = null;
            String h = System.getProperty("pcn.home");
            for (Path q = Path.of(h != null ? h : System.getProperty("user.dir")).toAbsolutePath(); q != null && dir == null; q = q.getParent()) {
                if (Files.isRegularFile(PageManifest.defaultDir(q).resolve("manifest.json"))) dir = PageManifest.defaultDir(q);
            }
            if (dir == null) return new ModelRef(cfg, cmd, null, null);
            if (!Files.isRegularFile(dir.resolve("manifest.json"))) return new ModelRef(cfg, cmd, null, null);
            PageManifest m = PageManifest.load(dir);
            String name = cfg.replaceFirst("^MCPageProtocol_", "").replaceFirst("\\.cfg$", "");
            if (!m.hasConfig(name)) return new ModelRef(cfg, cmd, null, null);
            var d = m.depth(name);
            return new ModelRef(cfg, cmd, m.expected(name).orElse(null), d.isPresent() ? d.getAsLong() : null);
        } catch (IllegalArgumentException e) {
            return new ModelRef(cfg, cmd, null, null);
        }
    }
}
