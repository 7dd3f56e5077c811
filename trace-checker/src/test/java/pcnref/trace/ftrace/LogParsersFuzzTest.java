package pcnref.trace.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import pcnref.trace.ReadStats;
import pcnref.trace.dmesg.DmesgParser;
import pcnref.trace.event.EventJson;
import pcnref.trace.event.EventText;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.ftrace.FtraceParser;

/**
 * Fuzzes the ftrace and dmesg parsers (Jazzer's JUnit integration). Without JAZZER_FUZZ=1 each test
 * replays its seed corpus (src/test/resources/pcnref/trace/ftrace/LogParsersFuzzTestInputs/, lines of
 * the real recordings) as a regression test; with JAZZER_FUZZ=1 it fuzzes for maxDuration (the
 * executions fuzz-dmesg and fuzz-ftrace of trace-checker/pom.xml, in every build, do so for 5 s each).
 * Property: any input is parsed without an exception, every line is accounted for exactly once,
 * every event renders as JSON and as a table row, and the ftrace parser's regex-free hot path gives
 * the same event as its general path.
 */
class LogParsersFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void dmesg(@NotNull String text) {
        DmesgParser p = new DmesgParser("fuzz", null);
        long n = 0;
        for (String line : text.split("\n", -1)) {
            TraceEvent e = p.parse(line, ++n);
            if (e != null) render(e);
        }
        ReadStats s = p.stats();
        assertEquals(n, s.lines());
        assertEquals(s.lines(), s.blankLines() + s.otherLines() + s.unrecognisedLines() + s.totalEvents());
    }

    @FuzzTest(maxDuration = "5s")
    void ftrace(@NotNull String text) {
        FtraceParser p = new FtraceParser("fuzz", 1);
        long n = 0;
        FtraceParser q = new FtraceParser("fuzz", 1);
        for (String line : text.split("\n", -1)) {
            TraceEvent e = p.parse(line, ++n);
            if (e != null) render(e);
            // the regex-free hot path agrees with the general path wherever it answers
            TraceEvent fast = q.fastPgfault(line, n);
            if (fast != null) assertEquals(fast, q.parseSlow(line, n), line);
        }
        ReadStats s = p.stats();
        assertEquals(n, s.lines());
        assertEquals(s.lines(), s.headerLines() + s.blankLines() + s.otherLines() + s.unrecognisedLines()
                + s.totalEvents());
    }

    private static void render(TraceEvent e) {
        EventJson.toJson(e);
        EventText.row(e);
    }
}
