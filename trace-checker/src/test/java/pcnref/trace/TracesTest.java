package pcnref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pcnref.trace.dmesg.DmesgReader;
import pcnref.trace.event.FaultBegin;
import pcnref.trace.event.Migration;
import pcnref.trace.event.PgFault;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.ftrace.FtraceReader;

/** Every ftrace and dmesg/console file of the real recordings parses, with counts checked independently. */
class TracesTest {
    private static final Pattern RUN_COUNT = Pattern.compile("^node(\\d+): popcorn ftrace events (\\d+);");

    @Test
    void everyFtraceFileParsesAndCountsMatchGrepAndRunTxt() throws IOException {
        List<Path> files = SharedTraces.files(".ftrace.txt");
        for (Path f : files) {
            List<TraceEvent> events = new ArrayList<>();
            ReadStats st = FtraceReader.read(f, null, events::add);
            long grep;
            try (Stream<String> lines = Files.lines(f)) {
                grep = lines.filter(l -> l.contains(" pgfault: ")).count();
            }
            assertEquals(grep, st.events("pgfault"), f + ": pgfault events vs grep");
            assertEquals(0, st.unrecognisedLines(), f + ": " + st.unrecognisedSamples());
            assertEquals(st.lines(), st.headerLines() + st.blankLines() + st.totalEvents(), f + ": every line accounted");
            Integer expected = runTxtCount(f);
            if (expected != null) assertEquals(expected.longValue(), st.totalEvents(), f + ": vs RUN.txt summary");
            Integer node = Nodes.fromFileName(f);
            for (TraceEvent e : events) {
                PgFault p = (PgFault) e;
                assertEquals(node, p.node());
                assertEquals(p.nid() != node, p.served(), p.source().toString());
                // page-protocol.md §8.1: the fault side logs page-aligned addresses, and results are those of §6
                assertEquals(0, p.addr() & 0xfff, p.source().toString());
                assertTrue(List.of(0, 1, 2, 64, 1024, 16384).contains(p.result()), p.source() + " result " + p.result());
            }
            System.out.println("ftrace " + st);
        }
    }

    @Test
    void everyDmesgAndConsoleFileParses() throws IOException {
        List<Path> files = new ArrayList<>(SharedTraces.files(".dmesg.txt"));
        files.addAll(SharedTraces.files(".console.txt"));
        Map<String, Long> unrecognisedTotal = new HashMap<>();
        for (Path f : files) {
            List<TraceEvent> events = new ArrayList<>();
            ReadStats st = DmesgReader.read(f, null, events::add);
            long pagefaults, migrated;
            try (Stream<String> lines = Files.lines(f)) {
                List<String> all = lines.toList();
                pagefaults = all.stream().filter(l -> l.contains("] ## PAGEFAULT [")).count();
                migrated = all.stream().filter(l -> l.contains("] ####### MIGRATED - [")).count();
            }
            assertEquals(pagefaults, events.stream().filter(e -> e instanceof FaultBegin).count(), f + ": ## PAGEFAULT");
            assertEquals(migrated, events.stream()
                    .filter(e -> e instanceof Migration m && m.step() == Migration.Step.MIGRATED).count(), f + ": MIGRATED");
            assertEquals(st.lines(), st.blankLines() + st.otherLines() + st.unrecognisedLines() + st.totalEvents(),
                    f + ": every line accounted");
            assertEquals(Nodes.fromFileName(f), events.isEmpty() ? Nodes.fromFileName(f) : events.getLast().node(),
                    f + ": node from the node table agrees with the file name");
            unrecognisedTotal.merge(f.getFileName().toString().contains("console") ? "console" : "dmesg",
                    st.unrecognisedLines(), Long::sum);
            System.out.println("dmesg " + st);
            st.unrecognisedSamples().forEach(s -> System.out.println("   unrecognised " + s));
        }
        System.out.println("unrecognised lines after Popcorn start: " + unrecognisedTotal);
    }

    private static Integer runTxtCount(Path ftrace) throws IOException {
        Path run = ftrace.resolveSibling("RUN.txt");
        Integer node = Nodes.fromFileName(ftrace);
        if (!Files.exists(run) || node == null) return null;
        for (String l : Files.readAllLines(run)) {
            Matcher m = RUN_COUNT.matcher(l);
            if (m.find() && Integer.parseInt(m.group(1)) == node) return Integer.valueOf(m.group(2));
        }
        return null;
    }
}
