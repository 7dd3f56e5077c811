package pcnref.trace.ftrace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcnref.trace.Lines;
import pcnref.trace.ReadStats;
import pcnref.trace.Times;
import pcnref.trace.event.Clock;
import pcnref.trace.event.PgFault;
import pcnref.trace.event.PgFaultStat;
import pcnref.trace.event.Source;
import pcnref.trace.event.TraceEvent;

/**
 * Parses one line of ftrace text at a time: tracefs {@code trace} / {@code trace_pipe} and
 * {@code trace-cmd report} output. Recognises popcorn:pgfault and popcorn:pgfault_stat
 * (kernel/popcorn/trace_events.h, page-protocol.md §8.1), TP_printk formats
 * {@code "%d %d %c %lx %lx %d"} and {@code "%lx %lx %d %d %lu"}, and also the {@code field=value}
 * form trace-cmd prints when it cannot evaluate a print format. Header lines ('#', trace-cmd's
 * "cpus=", "version =", "CPU n is empty"), lost-event markers and other events are counted and
 * skipped. Holds no per-line state: memory is constant.
 */
public final class FtraceParser implements Lines.Parser {
    // <comm>-<pid> [(tgid)] [cpu] [flags] <ts>: <event>: <body>. comm may hold spaces and '-'.
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?<task>.+?)-(?<tpid>\\d+)\\s+(?:\\(\\s*(?:\\d+|-+)\\)\\s+)?\\[(?<cpu>\\d+)\\]\\s+"
                    + "(?:(?<flags>[^\\s:]{4,6})\\s+)?(?<ts>\\d+(?:\\.\\d+)?):\\s+(?<event>[\\w:]+):\\s?(?<body>.*)$");
    private static final Pattern PGFAULT = Pattern.compile(
            "^\\s*(-?\\d+) (-?\\d+) (\\S) ([0-9a-f]{1,16}) ([0-9a-f]{1,16}) (-?\\d+)\\s*$");
    private static final Pattern PGFAULT_STAT = Pattern.compile(
            "^\\s*([0-9a-f]{1,16}) ([0-9a-f]{1,16}) (-?\\d+) (-?\\d+) (\\d+)\\s*$");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");

    private final String file;
    private final Integer node;
    private final ReadStats stats;

    /**
     * @param file  the name used in {@link Source}s and messages
     * @param node  the node whose trace this is (null if unknown); decides {@link PgFault#served()}
     */
    public FtraceParser(String file, Integer node) {
        this.file = file;
        this.node = node;
        this.stats = new ReadStats(file);
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    /** The event on this line, or null (header, blank, other event, unrecognised: all counted). */
    @Override
    public TraceEvent parse(String raw, long lineNo) {
        stats.line();
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isBlank()) {
            stats.blank();
            return null;
        }
        String t = line.strip();
        if (t.startsWith("#") || t.startsWith("cpus=") || t.startsWith("version =") || t.startsWith("version=")
                || (t.startsWith("CPU") && (t.endsWith("is empty") || t.contains("[LOST")))) {
            stats.header();
            return null;
        }
        TraceEvent fast = fastPgfault(line, lineNo);
        if (fast != null) {
            stats.event(fast.kind());
            return fast;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            stats.unrecognised(lineNo, line);
            return null;
        }
        String event = m.group("event");
        if (event.startsWith("popcorn:")) event = event.substring("popcorn:".length());
        try {
            TraceEvent e = switch (event) {
                case "pgfault" -> pgfault(m, lineNo);
                case "pgfault_stat" -> pgfaultStat(m, lineNo);
                default -> null;
            };
            if (e == null && !event.equals("pgfault") && !event.equals("pgfault_stat")) {
                stats.other();
                return null;
            }
            if (e == null) {
                stats.unrecognised(lineNo, line);
                return null;
            }
            stats.event(e.kind());
            return e;
        } catch (NumberFormatException ex) {
            stats.unrecognised(lineNo, line);
            return null;
        }
    }

    /**
     * The common tracefs line "comm-pid [cpu] flags ts: pgfault: n p R ip addr res" without regular
     * expressions (the hot path: real traces are almost only these). Null when the line is anything
     * else, and then the general regex path decides; both give the same event (see the fuzz test).
     */
    PgFault fastPgfault(String line, long lineNo) {
        int ev = line.indexOf(": pgfault: ");
        if (ev < 0) return null;
        for (int j = 0; j < line.length(); j++) {
            char c = line.charAt(j);
            // characters the regex path treats specially (\s, line terminators): leave such lines to it
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) return null;
        }
        int i = ev - 1;
        int tsEnd = ev;
        while (i >= 0 && (isAsciiDigit(line.charAt(i)) || line.charAt(i) == '.')) i--;
        int tsStart = i + 1;
        if (tsStart == tsEnd || !isAsciiDigit(line.charAt(tsStart)) || !isAsciiDigit(line.charAt(tsEnd - 1))
                || line.indexOf('.', tsStart) != line.lastIndexOf('.', tsEnd - 1)) return null;
        if (i < 0 || line.charAt(i) != ' ') return null;
        while (i >= 0 && line.charAt(i) == ' ') i--;
        // flags (4-6 non-space, non-colon chars) or directly the "[cpu]"
        String flags = null;
        if (i >= 0 && line.charAt(i) != ']') {
            int fEnd = i + 1;
            while (i >= 0 && line.charAt(i) != ' ') i--;
            flags = line.substring(i + 1, fEnd);
            if (flags.length() < 4 || flags.length() > 6 || flags.indexOf(':') >= 0) return null;
            while (i >= 0 && line.charAt(i) == ' ') i--;
        }
        if (i < 0 || line.charAt(i) != ']') return null;
        int cpuEnd = i;
        i--;
        while (i >= 0 && isAsciiDigit(line.charAt(i))) i--;
        if (i < 0 || line.charAt(i) != '[' || i + 1 == cpuEnd || cpuEnd - i > 10) return null;
        int cpu = Integer.parseInt(line, i + 1, cpuEnd, 10);
        i--;
        if (i < 0 || line.charAt(i) != ' ') return null;
        while (i >= 0 && line.charAt(i) == ' ') i--;
        if (i >= 0 && line.charAt(i) == ')') return null; // "(tgid)": leave it to the general path
        int pidEnd = i + 1;
        while (i >= 0 && isAsciiDigit(line.charAt(i))) i--;
        if (i < 1 || line.charAt(i) != '-' || i + 1 == pidEnd || pidEnd - i > 10) return null;
        int taskPid = Integer.parseInt(line, i + 1, pidEnd, 10);
        int taskStart = 0;
        while (taskStart < i && line.charAt(taskStart) == ' ') taskStart++;
        if (taskStart == i) return null;
        String task = line.substring(taskStart, i);
        // a ']' in the comm could hold an earlier "-pid [cpu]" split, which the regex path would take
        if (!task.strip().equals(task) || task.indexOf(']') >= 0) return null;
        // body: "%d %d %c %lx %lx %d", single spaces, as TP_printk writes it
        int b = ev + ": pgfault: ".length();
        int[] cut = new int[7];
        cut[0] = b;
        int k = 1;
        for (int j = b; j < line.length() && k < 7; j++) {
            if (line.charAt(j) == ' ') cut[k++] = j + 1;
        }
        if (k != 6 || line.indexOf(' ', cut[5]) >= 0) return null;
        try {
            int nid = dec(line, cut[0], cut[1] - 1);
            int pid = dec(line, cut[1], cut[2] - 1);
            if (cut[3] - cut[2] != 2) return null;
            char rw = line.charAt(cut[2]);
            if (rw != 'R' && rw != 'W') return null;
            long ip = hex(line, cut[3], cut[4] - 1);
            long addr = hex(line, cut[4], cut[5] - 1);
            int result = dec(line, cut[5], line.length());
            long ts = Times.secondsToNanos(line, tsStart, tsEnd);
            return new PgFault(Source.line(file, lineNo), node, ts, Clock.BOOT, task, taskPid, cpu, flags, nid, pid, rw,
                    ip, addr, result, node == null ? null : nid != node);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The regex path's \d: ASCII only (Character.isDigit also takes other scripts' digits, e.g. U+07C4). */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int dec(String s, int from, int to) {
        if (to - from > 11 || to <= from) throw new NumberFormatException();
        char c = s.charAt(from);
        if (c == '+' || (c == '-' && to - from == 1)) throw new NumberFormatException();
        for (int j = c == '-' ? from + 1 : from; j < to; j++) {
            if (!isAsciiDigit(s.charAt(j))) throw new NumberFormatException();   // parseInt would take U+07C4 too
        }
        return Integer.parseInt(s, from, to, 10);
    }

    private static long hex(String s, int from, int to) {
        if (to - from > 16 || to <= from) throw new NumberFormatException();
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) throw new NumberFormatException();
        }
        return Long.parseUnsignedLong(s, from, to, 16);
    }

    /** The general (regex) path alone, for the test that compares it with {@link #fastPgfault}. */
    TraceEvent parseSlow(String line, long lineNo) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return null;
        String event = m.group("event");
        try {
            return event.equals("pgfault") ? pgfault(m, lineNo) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private PgFault pgfault(Matcher m, long lineNo) {
        String body = m.group("body");
        int nid, pid, result;
        char rw;
        long ip, addr;
        Matcher b = PGFAULT.matcher(body);
        if (b.matches()) {
            nid = Integer.parseInt(b.group(1));
            pid = Integer.parseInt(b.group(2));
            rw = b.group(3).charAt(0);
            ip = Long.parseUnsignedLong(b.group(4), 16);
            addr = Long.parseUnsignedLong(b.group(5), 16);
            result = Integer.parseInt(b.group(6));
        } else {
            Fields f = Fields.of(body);
            if (f == null || !f.has("nid", "pid", "rw", "instr_addr", "addr", "result")) return null;
            nid = (int) f.dec("nid");
            pid = (int) f.dec("pid");
            rw = f.chr("rw");
            ip = f.hex("instr_addr");
            addr = f.hex("addr");
            result = (int) f.dec("result");
        }
        if (rw != 'R' && rw != 'W') return null;
        return new PgFault(Source.line(file, lineNo), node, Times.secondsToNanos(m.group("ts"), 0, m.group("ts").length()),
                Clock.BOOT, m.group("task").strip(), Integer.parseInt(m.group("tpid")), Integer.parseInt(m.group("cpu")),
                m.group("flags"), nid, pid, rw, ip, addr, result, node == null ? null : nid != node);
    }

    private PgFaultStat pgfaultStat(Matcher m, long lineNo) {
        String body = m.group("body");
        long ip, addr, timeUs;
        int result, retries;
        Matcher b = PGFAULT_STAT.matcher(body);
        if (b.matches()) {
            ip = Long.parseUnsignedLong(b.group(1), 16);
            addr = Long.parseUnsignedLong(b.group(2), 16);
            result = Integer.parseInt(b.group(3));
            retries = Integer.parseInt(b.group(4));
            timeUs = Long.parseUnsignedLong(b.group(5));
        } else {
            Fields f = Fields.of(body);
            if (f == null || !f.has("instr_addr", "addr", "result", "retries", "time_us")) return null;
            ip = f.hex("instr_addr");
            addr = f.hex("addr");
            result = (int) f.dec("result");
            retries = (int) f.dec("retries");
            timeUs = f.dec("time_us");
        }
        return new PgFaultStat(Source.line(file, lineNo), node,
                Times.secondsToNanos(m.group("ts"), 0, m.group("ts").length()), Clock.BOOT, m.group("task").strip(),
                Integer.parseInt(m.group("tpid")), Integer.parseInt(m.group("cpu")), m.group("flags"),
                ip, addr, result, retries, timeUs);
    }

    /** trace-cmd's fallback rendering "nid=1 pid=83 rw=82 instr_addr=0x401cee ...". */
    private record Fields(java.util.Map<String, String> map) {
        static Fields of(String body) {
            java.util.Map<String, String> map = new java.util.HashMap<>();
            Matcher f = FIELD.matcher(body);
            while (f.find()) map.put(f.group(1), f.group(2));
            return map.isEmpty() ? null : new Fields(map);
        }

        boolean has(String... keys) {
            for (String k : keys) if (!map.containsKey(k)) return false;
            return true;
        }

        long dec(String k) {
            String v = map.get(k);
            return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
        }

        long hex(String k) {
            String v = map.get(k);
            return Long.parseUnsignedLong(v.startsWith("0x") ? v.substring(2) : v, 16);
        }

        /** A char field: trace-cmd prints it as its number (82) or as the character. */
        char chr(String k) {
            String v = map.get(k);
            if (v.length() == 1 && !isAsciiDigit(v.charAt(0))) return v.charAt(0);
            return (char) dec(k);
        }
    }
}
