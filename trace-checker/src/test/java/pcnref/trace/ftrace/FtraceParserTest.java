package pcnref.trace.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import pcnref.trace.event.PgFault;
import pcnref.trace.event.PgFaultStat;

class FtraceParserTest {
    @Test
    void tracefsLine() {
        FtraceParser p = new FtraceParser("t", 0);
        PgFault e = assertInstanceOf(PgFault.class,
                p.parse("     kworker/0:0-5     [000] ....     4.460239: pgfault: 1 83 W 401db5 3fffffe000 16384", 12));
        assertEquals("kworker/0:0", e.task());
        assertEquals(5, e.taskPid());
        assertEquals(0, e.cpu());
        assertEquals("....", e.flags());
        assertEquals(4_460_239_000L, e.timeNs());
        assertEquals(1, e.nid());
        assertEquals(83, e.pid());
        assertEquals('W', e.rw());
        assertEquals(0x401db5L, e.instrAddr());
        assertEquals(0x3fffffe000L, e.addr());
        assertEquals(16384, e.result());
        assertEquals(Boolean.TRUE, e.served());
        assertEquals(12L, e.source().line());
    }

    @Test
    void traceCmdReportTgidAndNanosecondForms() {
        FtraceParser p = new FtraceParser("t", null);
        PgFault a = assertInstanceOf(PgFault.class,
                p.parse("            ft2b-83    [000]     4.500241: pgfault:              0 83 R 401cee 3fffffe000 0", 1));
        assertNull(a.flags());
        assertNull(a.served());
        PgFault b = assertInstanceOf(PgFault.class,
                p.parse("  my task-with-dash-83 (   83) [001] d..1. 4.500241123: popcorn:pgfault: 0 83 R 401cee 3fffffe000 0", 2));
        assertEquals("my task-with-dash", b.task());
        assertEquals(1, b.cpu());
        assertEquals("d..1.", b.flags());
        assertEquals(4_500_241_123L, b.timeNs());
        PgFault c = assertInstanceOf(PgFault.class, p.parse(
                "ft2b-83 [000] 4.5: pgfault: nid=0 pid=83 rw=87 instr_addr=0x401cee addr=0x3fffffe000 result=1024", 3));
        assertEquals('W', c.rw());
        assertEquals(1024, c.result());
    }

    @Test
    void pgfaultStat() {
        FtraceParser p = new FtraceParser("t", 1);
        PgFaultStat s = assertInstanceOf(PgFaultStat.class,
                p.parse("  kmeans-88  [000] ....  12.000001: pgfault_stat: 401cee 3fffffe978 0 3 1234567", 1));
        assertEquals(0x3fffffe978L, s.addr());
        assertEquals(3, s.retries());
        assertEquals(1234567L, s.timeUs());
    }

    @Test
    void headersOtherEventsAndGarbageAreCounted() {
        FtraceParser p = new FtraceParser("t", 0);
        p.parse("# tracer: nop", 1);
        p.parse("#", 2);
        p.parse("cpus=2", 3);
        p.parse("CPU:0 [LOST 12 EVENTS]", 4);
        p.parse("", 5);
        p.parse("  bash-1 [000] .... 1.0: sched_switch: prev_comm=bash", 6);
        p.parse("  bash-1 [000] .... 1.0: pgfault: 1 2 X 3 4 5", 7);          // rw neither R nor W
        p.parse("  bash-1 [000] .... 1.0: pgfault: 1 2 R 3 4", 8);            // a field missing
        p.parse("  bash-1 [000] .... 1.0: pgfault: 1 2 R 12345678901234567 4 0", 9); // 17 hex digits
        p.parse("garbage", 10);
        assertEquals(4, p.stats().headerLines());
        assertEquals(1, p.stats().blankLines());
        assertEquals(1, p.stats().otherLines());
        assertEquals(4, p.stats().unrecognisedLines());
        assertEquals(0, p.stats().totalEvents());
    }

    @Test
    void theHotPathAgreesWithTheGeneralPathOnEveryRealLine() throws java.io.IOException {
        long fast = 0;
        for (java.nio.file.Path f : pcnref.trace.SharedTraces.files(".ftrace.txt")) {
            FtraceParser p = new FtraceParser(f.toString(), 0);
            long n = 0;
            for (String line : java.nio.file.Files.readAllLines(f)) {
                n++;
                PgFault e = p.fastPgfault(line, n);
                if (line.contains(" pgfault: ")) {
                    assertEquals(p.parseSlow(line, n), e, f + ":" + n);
                    fast++;
                } else {
                    assertNull(e);
                }
            }
        }
        assertEquals(true, fast > 5000, "lines through the hot path: " + fast);
    }

    @Test
    void digitsOfOtherScriptsAreNotDigits() {
        // Jazzer: "5\u07c4" (NKo digit four) read as pid 54 by the hot path, rejected by the regex path (\d is ASCII)
        FtraceParser p = new FtraceParser("t", 0);
        String pid = "     kworker/0:0-5\u07c4     [000] ....     4.468239: pgfault: 1 83 R 401038 4a6000 0";
        String nid = "     kworker/0:0-5     [000] ....     4.468239: pgfault: \u07c4 83 R 401038 4a6000 0";
        for (String line : new String[] {pid, nid}) {
            assertNull(p.fastPgfault(line, 1), line);
            assertNull(p.parseSlow(line, 1), line);
            assertNull(p.parse(line, 1), line);
        }
    }
}
