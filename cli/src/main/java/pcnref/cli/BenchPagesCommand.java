package pcnref.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import pcnref.conformance.PagesReference;
import pcnref.conformance.SpecConfig;
import pcnref.explore.ExploreResult;
import pcnref.explore.Explorer;
import pcnref.explore.TransitionSystem;
import pcnref.spec.TlcResult;
import pcnref.spec.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pcn bench pages}: real TLC (child JVM, -workers 1 then 2) and the Java explorer (this JVM,
 * one thread, a cold run then a warm run) on the same config, in one run: distinct states, time,
 * distinct states per second, and the ratio. {@code --write-doc} puts the figures, with the machine
 * and the date, in docs/performance.md.
 */
@Command(name = "pages", mixinStandardHelpOptions = true, description = "TLC versus the Java explorer on the same config.")
public final class BenchPagesCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "NAME", description = "config name or tier of the manifest (default ${DEFAULT-VALUE})")
    String config = "ci";

    @Option(names = "--tlc-workers", paramLabel = "N", split = ",", description = "TLC worker counts to run (default 1,2; at most 2 on this machine)")
    List<Integer> tlcWorkers = List.of(1, 2);

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per TLC run (default ${DEFAULT-VALUE})")
    long timeout = 1800;

    @Option(names = "--write-doc", description = "write the figures into docs/performance.md")
    boolean writeDoc;

    private record Row(String tool, long distinct, double seconds, String note) {
        double rate() { return distinct / seconds; }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private String loadBefore = "?";

    @Override
    public Integer call() throws IOException, InterruptedException {
        loadBefore = loadAverage();
        Path dir = PagesReference.specDir();
        List<SpecConfig> all = SpecConfig.readManifest(dir);
        SpecConfig c = all.stream().filter(x -> x.isNamed(config)).findFirst()
                .or(() -> all.stream().filter(x -> x.tier().equals(config) && !x.hasSymmetry()).findFirst())
                .or(() -> all.stream().filter(x -> x.tier().equals(config)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException(dir.resolve("manifest.json") + ": no config or tier named " + config));
        System.out.printf("bench pages: config %s (%s, module %s%s)%n", c.name(), c.cfg(), c.module(), c.hasSymmetry() ? ", SYMMETRY" : "");
        List<Row> rows = new ArrayList<>();
        for (int w : tlcWorkers) {
            if (w < 1 || w > 2) throw new IllegalArgumentException("--tlc-workers: " + w + " (1 or 2 on this machine)");
            System.out.printf("  TLC -workers %d ...%n", w);
            TlcResult r = new TlcRunner(new TlcRunner.Duration(timeout), null).run(dir, c.module() + ".tla", c.cfg(), w);
            if (!r.holds() || r.distinctStates() < 0) {
                System.err.println("pcn bench pages: " + c.cfgPath() + ": TLC did not complete: " + r.outcome() + " " + r.detail());
                return 1;
            }
            rows.add(new Row("TLC 2.18, -workers " + w, r.distinctStates(), r.seconds(),
                    "child JVM wall time, start-up and parsing included"));
        }
        TransitionSystem<?, ?> ts = PagesReference.system(c);
        for (String pass : List.of("cold (JIT warm-up included)", "warm (second run, same JVM)")) {
            System.out.printf("  Java explorer, %s ...%n", pass);
            ExploreResult<?, ?> r = new Explorer<>(ts).run();
            if (!r.complete()) {
                System.err.println("pcn bench pages: " + c.cfgPath() + ": the Java explorer stopped early ("
                        + r.violation().map(v -> "violation").orElse("limit") + ")");
                return 1;
            }
            rows.add(new Row("Java explorer, 1 thread, " + pass, r.distinctStates(), r.seconds(), "in-process"));
        }
        String table = table(c, rows);
        System.out.println();
        System.out.println(table);
        boolean sameCount = rows.stream().mapToLong(Row::distinct).distinct().count() == 1;
        if (!sameCount) System.out.println("WARNING: the tools counted different numbers of distinct states");
        if (writeDoc) {
            Path doc = Path.of(System.getProperty("pcn.home", "."), "docs", "performance.md");
            writeSection(doc, section(c, table, loadBefore, loadAverage()));
            System.out.println("written to " + doc);
        }
        return sameCount ? 0 : 1;
    }

    private static String table(SpecConfig c, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| tool | distinct states | time (s) | distinct states/s | note |\n|---|---:|---:|---:|---|\n");
        for (Row r : rows) sb.append(String.format("| %s | %,d | %.2f | %,.0f | %s |%n", r.tool, r.distinct, r.seconds, r.rate(), r.note));
        Row tlc1 = rows.stream().filter(r -> r.tool.startsWith("TLC")).findFirst().orElseThrow();
        Row tlcBest = rows.stream().filter(r -> r.tool.startsWith("TLC")).max((a, b) -> Double.compare(a.rate(), b.rate())).orElseThrow();
        Row cold = rows.stream().filter(r -> r.tool.contains(", cold")).findFirst().orElseThrow();
        Row warm = rows.stream().filter(r -> r.tool.contains(", warm")).findFirst().orElseThrow();
        // The first TLC row is whichever worker count ran first (--tlc-workers), named as it is.
        sb.append(String.format("%nRatio (distinct states/s), Java cold / %s: **%.1fx**; Java cold / best TLC (%s): **%.1fx**; "
                        + "Java warm / best TLC: %.1fx.%n",
                tlc1.tool, cold.rate() / tlc1.rate(), tlcBest.tool, cold.rate() / tlcBest.rate(), warm.rate() / tlcBest.rate()));
        return sb.toString();
    }

    private static String section(SpecConfig c, String table, String loadBefore, String loadAfter) throws IOException {
        String cpu = "unknown CPU";
        long memKb = -1;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(-1L);
        } catch (IOException ignored) {
            // not Linux: leave the machine line vague rather than fail the benchmark
        }
        return "## Page protocol: TLC vs Java explorer\n\n"
                + "Measured by `./pcn bench pages --config " + c.name() + " --write-doc` on " + LocalDate.now(ZoneOffset.UTC)
                + " (UTC). Config `" + c.name() + "` (`spec/pages/" + c.cfg() + "`"
                + (c.hasSymmetry() ? ", with SYMMETRY on both sides" : "") + ").\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpu + ", "
                + (memKb > 0 ? String.format("%.1f GiB RAM", memKb / 1024.0 / 1024.0) : "RAM unknown")
                + ", Java " + System.getProperty("java.version") + ". The machine was shared with other jobs (1-minute load average "
                + loadBefore + " before the run, " + loadAfter + " after): figures vary run to run.\n\n"
                + "TLC runs in a child JVM (`pcnref.spec.TlcRunner`: `tlc2.TLC`, invariants of the cfg checked, -Xmx3g); its time is the wall time of that JVM, "
                + "start-up and SANY parsing included, which weighs on small configs. The Java explorer runs in the `pcn` JVM, one "
                + "thread, invariants checked, fingerprints in a primitive hash map.\n\n" + table
                + "\nThe goal is a Java explorer at least 10x faster than TLC; the ratio above is what was measured.\n";
    }

    private static void writeSection(Path doc, String section) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n\nFigures measured with `./pcn bench`, with machine and date.\n";
        String head = "## Page protocol: TLC vs Java explorer";
        int i = text.indexOf(head);
        if (i < 0) {
            text = text.stripTrailing() + "\n\n" + section;
        } else {
            int j = text.indexOf("\n## ", i + head.length());
            text = text.substring(0, i) + section + (j < 0 ? "" : "\n" + text.substring(j + 1));
        }
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, text.stripTrailing() + "\n");
    }
}
