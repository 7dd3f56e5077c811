package pcnref.trace.explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import pcnref.trace.Decoder;
import pcnref.trace.LogKind;

/**
 * The files of one recording directory (layout of shared/traces: nodeN.{dmesg.txt, console.txt, ftrace.txt, pcap,
 * hang.txt}, program.out.txt), any number of nodes. The console log stands in for a missing dmesg.
 */
public record RunFiles(Path dir, TreeSet<Integer> nodes, Map<Integer, Path> dmesg, Map<Integer, Boolean> dmesgIsConsole,
                       Map<Integer, Path> ftrace, Map<Integer, Path> pcap, Map<Integer, Path> hang, Path program) {
    private static final Pattern NODE_FILE = Pattern.compile("node(\\d{1,3})\\.(dmesg\\.txt|console\\.txt|ftrace\\.txt|pcap|hang\\.txt)");

    public static RunFiles of(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new Decoder.DecodeException(dir + ": not a directory (a run: nodeN.dmesg.txt, nodeN.pcap ...)");
        TreeSet<Integer> nodes = new TreeSet<>();
        Map<Integer, Path> dmesg = new TreeMap<>(), console = new TreeMap<>(), ftrace = new TreeMap<>(),
                pcap = new TreeMap<>(), hang = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            Matcher m = NODE_FILE.matcher(f.getFileName().toString());
            if (!m.matches()) continue;
            int n = Integer.parseInt(m.group(1));
            nodes.add(n);
            switch (m.group(2)) {
                case "dmesg.txt" -> dmesg.put(n, f);
                case "console.txt" -> console.put(n, f);
                case "ftrace.txt" -> ftrace.put(n, f);
                case "pcap" -> pcap.put(n, f);
                default -> hang.put(n, f);
            }
        }
        Map<Integer, Boolean> isConsole = new TreeMap<>();
        for (int n : nodes) {
            // a dmesg file that is no kernel log (e.g. "(no dmesg dump from node0)") counts as missing
            if (dmesg.containsKey(n) && console.containsKey(n) && LogKind.detect(dmesg.get(n)) != LogKind.DMESG) dmesg.remove(n);
            if (!dmesg.containsKey(n) && console.containsKey(n)) {
                dmesg.put(n, console.get(n));
                isConsole.put(n, true);
            } else {
                isConsole.put(n, false);
            }
        }
        Path prog = dir.resolve("program.out.txt");
        return new RunFiles(dir, nodes, dmesg, isConsole, ftrace, pcap, hang, Files.isRegularFile(prog) ? prog : null);
    }

    public long totalBytes() {
        long t = 0;
        for (Map<Integer, Path> m : List.of(dmesg, ftrace, pcap)) {
            for (Path p : m.values()) {
                try {
                    t += Files.size(p);
                } catch (IOException e) {
                    // counted as 0: the reader reports the file
                }
            }
        }
        return t;
    }
}
