package pcnref.trace.dmesg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcnref.kmsg.PcnKmsgType;
import pcnref.trace.Lines;
import pcnref.trace.ReadStats;
import pcnref.trace.Times;
import pcnref.trace.event.Clock;
import pcnref.trace.event.Direction;
import pcnref.trace.event.FaultBegin;
import pcnref.trace.event.FaultStep;
import pcnref.trace.event.FaultStep.Step;
import pcnref.trace.event.KernelProblem;
import pcnref.trace.event.LoggedMessage;
import pcnref.trace.event.Migration;
import pcnref.trace.event.NodeSetup;
import pcnref.trace.event.Peer;
import pcnref.trace.event.Source;
import pcnref.trace.event.TaskExit;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.event.VmaEvent;

/**
 * Parses kernel log lines (dmesg, serial console, /dev/kmsg) one at a time into typed events: the
 * Popcorn debug lines of the page, VMA and process servers and of node setup catalogued in
 * shared/popcorn/debug-lines.md (ids PG-*, VS-*, PS-*, OT-1, ML-*), plus generic BUG/WARNING lines.
 *
 * <p>Prefixes accepted (debug-lines.md §2.2): {@code [  123.456789] }, {@code <6>}, {@code [T123]} /
 * {@code [C1]} caller ids, dmesg -x {@code kern  :info  : }, /dev/kmsg {@code 6,seq,usec,-;}; CR line
 * ends (serial console). A line without a prefix (a record split by an embedded newline) gets the
 * previous line's time. Prefix-only lines (the {@code \n} that starts many formats) count as blank.
 * Lines before "Loading Popcorn messaging layer" that are not Popcorn lines count as "other" (boot);
 * after it, every line that is not in the catalogue counts as unrecognised, never fatal.
 *
 * <p>State is bounded: the last timestamp, this node, and the last VMA call header of at most
 * {@value #MAX_PIDS} pids (VMA result lines are told apart only by the call that precedes them).
 */
public final class DmesgParser implements Lines.Parser {
    static final int MAX_PIDS = 1024;
    private static final String HEX = "([0-9a-f]{1,16})";
    private static final String DEC = "(-?\\d{1,19})";
    private static final String PID = "\\[(\\d{1,10})\\]";
    private static final String PEER = "\\[(\\d{1,10})/(-?\\d{1,5})\\]";
    private static final String PTR = "(\\(____ptrval____\\)|[0-9a-f]{16}|\\(null\\)|0{1,16})";

    private static final Pattern TS = Pattern.compile(
            "^(?:<(\\d)>)?\\[\\s*(\\d+\\.\\d+)\\](?:\\[\\s*[TC]\\d+\\])? ?(.*)$");
    private static final Pattern EMBEDDED_TS = Pattern.compile("\\[\\s*\\d{1,10}\\.\\d{6}\\] ");
    private static final Pattern FACILITY = Pattern.compile("^\\w+\\s*:\\s*\\w+\\s*:\\s(.*)$");
    private static final Pattern KMSG = Pattern.compile("^(\\d+),(\\d+),(\\d+),[^;]*;(.*)$");
    private static final Pattern SUB = Pattern.compile("^  " + PID + " (.*)$");

    private final String file;
    private final ReadStats stats;
    private Integer node;
    private long lastNs;
    private boolean popcornStarted;
    private final Map<Integer, String> lastVmaCall = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, String> e) {
            return size() > MAX_PIDS;
        }
    };

    /** @param node the node whose log this is (null if unknown; learnt from the "popcorn: * n:" line). */
    public DmesgParser(String file, Integer node) {
        this.file = file;
        this.node = node;
        this.stats = new ReadStats(file);
    }

    /** Sets the last time from "secs.usec"; false (line counted unrecognised) when it is out of range. */
    private boolean time(String secs, long lineNo, String raw) {
        try {
            lastNs = Times.secondsToNanos(secs, 0, secs.length());
            return true;
        } catch (NumberFormatException e) {
            stats.unrecognised(lineNo, raw);
            return false;
        }
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    /** The node this log belongs to, as far as known. */
    public Integer node() {
        return node;
    }

    /** The event on this line, or null (blank, boot, console noise, unrecognised: all counted). */
    @Override
    public TraceEvent parse(String raw, long lineNo) {
        stats.line();
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (!line.startsWith("[ ") && !line.startsWith("<")) {
            // serial console: a user-space line (/init's "[pcn-init nodeN] ...") may run straight into a
            // kernel record printed before its newline; the record is the part from its "[ secs.usec]" on
            Matcher em = EMBEDDED_TS.matcher(line);
            if (em.find() && em.start() > 0) line = line.substring(em.start());
        }
        String text;
        Matcher m = TS.matcher(line);
        if (line.startsWith("[") && m.matches()) {
            try {
                lastNs = Times.secondsToNanos(m.group(2), 0, m.group(2).length());
            } catch (NumberFormatException e) {
                stats.unrecognised(lineNo, raw);
                return null;
            }
            text = m.group(3);
        } else if (line.startsWith("<") && m.matches()) {
            if (!time(m.group(2), lineNo, raw)) return null;
            text = m.group(3);
        } else if ((m = KMSG.matcher(line)).matches()) {
            try {
                lastNs = Math.multiplyExact(Long.parseLong(m.group(3)), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                stats.unrecognised(lineNo, raw);
                return null;
            }
            text = m.group(4);
            while (text.startsWith("\\x0a")) text = text.substring(4);
        } else if ((m = FACILITY.matcher(line)).matches() && (m = TS.matcher(m.group(1))).matches()) {
            if (!time(m.group(2), lineNo, raw)) return null;
            text = m.group(3);
        } else if (line.startsWith("[pcn-init ")) {
            stats.other(); // /init's own console lines (shared/traces README)
            return null;
        } else {
            text = line; // a record's continuation after an embedded newline: no prefix
        }
        if (text.isBlank()) {
            stats.blank();
            return null;
        }
        TraceEvent e;
        try {
            e = match(text, Source.line(file, lineNo));
        } catch (NumberFormatException ex) {
            e = null;
        }
        if (e == null) {
            if (popcornStarted) stats.unrecognised(lineNo, raw);
            else stats.other();
            return null;
        }
        popcornStarted = true;
        stats.event(e.kind());
        return e;
    }

    // ---------------------------------------------------------------------------------------------

    private interface Handler {
        TraceEvent apply(Matcher m, Ctx c);
    }

    /** A catalogue line: a literal prefix to try it cheaply, its pattern, and what it means. */
    private record Rule(String guard, Pattern pattern, Handler handler) {
    }

    /** What a handler needs besides the match: where, and for sub-step lines the "[pid]". */
    private record Ctx(DmesgParser p, Source src, int pid) {
        Integer node() {
            return p.node;
        }

        long t() {
            return p.lastNs;
        }
    }

    private static Rule rule(String guard, String regex, Handler h) {
        return new Rule(guard, Pattern.compile("^" + regex + "$"), h);
    }

    private static int i(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static long d(Matcher m, int g) {
        return Long.parseLong(m.group(g));
    }

    private static long x(Matcher m, int g) {
        return Long.parseUnsignedLong(m.group(g), 16);
    }

    private static Peer peer(Matcher m, int g) {
        return new Peer(i(m, g), i(m, g + 1));
    }

    private static List<Long> xs(Matcher m, int... gs) {
        List<Long> l = new ArrayList<>(gs.length);
        for (int g : gs) l.add(x(m, g));
        return l;
    }

    /** REMOTE_PAGE_RESPONSE carries the page (result 0), _SHORT everything else (page-protocol.md §3). */
    private static PcnKmsgType responseType(int result) {
        return result == 0 ? PcnKmsgType.REMOTE_PAGE_RESPONSE : PcnKmsgType.REMOTE_PAGE_RESPONSE_SHORT;
    }

    private static FaultStep step(Ctx c, int pid, Step s, Long addr, String handle, String detail, Long value) {
        return new FaultStep(c.src(), c.node(), c.t(), Clock.BOOT, pid, s, addr, handle, detail, value);
    }

    private static FaultStep step(Ctx c, Step s) {
        return step(c, c.pid(), s, null, null, null, null);
    }

    private static VmaEvent vma(Ctx c, int pid, VmaEvent.Step s, String op, Peer peer, List<Long> values, Long ret,
                                String text) {
        return new VmaEvent(c.src(), c.node(), c.t(), Clock.BOOT, pid, s, op, peer, values, ret, text);
    }

    private static Migration mig(Ctx c, int pid, Migration.Step s, Integer nid, Peer peer, Peer self,
                                 List<Long> values, String text) {
        return new Migration(c.src(), c.node(), c.t(), Clock.BOOT, pid, s, nid, peer, self, values, text);
    }

    private static NodeSetup setup(Ctx c, NodeSetup.Step s, Integer nid, String ip, String text) {
        return new NodeSetup(c.src(), c.node(), c.t(), Clock.BOOT, s, nid, ip, text);
    }

    private static LoggedMessage msg(Ctx c, int pid, Direction d, PcnKmsgType t, Peer peer, Long addr, Long ip,
                                     Integer result, Boolean write) {
        return new LoggedMessage(c.src(), c.node(), c.t(), Clock.BOOT, pid, d, t, peer, addr, ip, result, write);
    }

    private static TaskExit exit(Ctx c, int pid, TaskExit.Step s, Integer nid, String where, long code) {
        return new TaskExit(c.src(), c.node(), c.t(), Clock.BOOT, pid, s, nid, where, code);
    }

    private static VmaEvent vmaCall(Ctx c, int pid, String op, List<Long> values) {
        c.p().lastVmaCall.put(pid, op);
        return vma(c, pid, VmaEvent.Step.CALL, op, null, values, null, null);
    }

    /** Lines that start at column 0 (or with one space: the fault-handle lines). */
    private static final List<Rule> TOP = List.of(
            // ---- page server (debug-lines.md "Page server") ----
            rule("## PAGEFAULT ", "## PAGEFAULT " + PID + " " + HEX + " ([RW]) " + HEX + " " + HEX + " " + HEX,
                    (m, c) -> new FaultBegin(c.src(), c.node(), c.t(), Clock.BOOT, i(m, 1), x(m, 2),
                            m.group(3).charAt(0), x(m, 4), x(m, 5), x(m, 6))),                         // PG-38
            rule("REMOTE_PAGE_REQUEST ", "REMOTE_PAGE_REQUEST " + PID + " " + HEX + " ([RW]) " + HEX + " from " + PEER,
                    (m, c) -> msg(c, i(m, 1), Direction.RECEIVED, PcnKmsgType.REMOTE_PAGE_REQUEST, peer(m, 5),
                            x(m, 2), x(m, 4), null, m.group(3).equals("W"))),                             // PG-28
            rule("INVALIDATE_PAGE ", "INVALIDATE_PAGE " + PID + " " + HEX + " " + PEER,
                    (m, c) -> msg(c, i(m, 1), Direction.RECEIVED, PcnKmsgType.PAGE_INVALIDATE_REQUEST, peer(m, 3),
                            x(m, 2), null, null, null)),                                                  // PG-15
            rule(">>[", ">>" + PID + " ->" + PEER,
                    (m, c) -> msg(c, i(m, 1), Direction.SENT, PcnKmsgType.PAGE_INVALIDATE_RESPONSE, peer(m, 2),
                            null, null, null, null)),                                                     // PG-17
            rule(">>[", ">>" + PID + " " + HEX + " " + PTR,
                    (m, c) -> step(c, i(m, 1), Step.HANDLE_DONE, x(m, 2), m.group(3), null, null)),       // PG-9
            rule(" >[", " >" + PID + " " + HEX + " " + PTR,
                    (m, c) -> step(c, i(m, 1), Step.HANDLE_LEAVE, x(m, 2), m.group(3), null, null)),      // PG-8
            rule(" +[", " \\+" + PID + " " + HEX + " " + PTR,
                    (m, c) -> step(c, i(m, 1), Step.HANDLE_SLEEP, x(m, 2), m.group(3), null, null)),      // PG-2, PG-5
            rule(" -[", " -" + PID + " " + HEX + " " + PTR,
                    (m, c) -> step(c, i(m, 1), Step.HANDLE_FOLLOWER, x(m, 2), m.group(3), null, null)),   // PG-31
            rule(" =[", " =" + PID + " " + HEX + " replicated (not )?mine " + PTR,
                    (m, c) -> step(c, i(m, 1), Step.REPLICATED, x(m, 2), m.group(4),
                            m.group(3) == null ? "mine" : "not mine", 1L)),                              // PG-37 leader
            rule(" =[", " =" + PID + " (origin )?(remote)? " + PTR,
                    (m, c) -> step(c, i(m, 1), Step.ORIGIN_DECISION, null, m.group(4),
                            ((m.group(2) == null ? "" : "origin") + (m.group(3) == null ? "" : " remote")).strip(),
                            null)),                                                                       // PG-26
            rule(" =[", " =" + PID + " " + HEX + "(?: " + PTR + ")?",
                    (m, c) -> step(c, i(m, 1), Step.HANDLE_LEADER, x(m, 2), m.group(3), null, null)),     // PG-3, PG-4, PG-31
            rule("process_page_invalidate_request: ",
                    "process_page_invalidate_request: no such process " + DEC + " " + DEC + " " + HEX,
                    (m, c) -> step(c, i(m, 1), Step.INVALIDATE_NO_PROCESS, x(m, 3), null, null, d(m, 2))), // PG-16
            rule("------------------ Start panicking", "------------------ Start panicking -----------------",
                    (m, c) -> step(c, -1, Step.PANIC, null, null, "start", null)),                        // PG-10
            rule("page_server_panic: ", "page_server_panic: " + HEX + " (.*)",
                    (m, c) -> step(c, -1, Step.PANIC, x(m, 1), null, m.group(2), null)),                  // PG-11
            // ---- VMA server ----
            rule("## VMAFAULT ", "## VMAFAULT " + PID + " " + HEX + " " + HEX,
                    (m, c) -> vma(c, i(m, 1), VmaEvent.Step.VMA_FAULT, null, null, xs(m, 2, 3), null, null)), // VS-29
            rule("## VMA_INFO ", "## VMA_INFO " + PID + " " + HEX + " -- " + HEX + " " + HEX,
                    (m, c) -> vma(c, i(m, 1), VmaEvent.Step.INFO_SERVED, null, null, xs(m, 2, 3, 4), null, null)), // VS-24
            rule("## VMA mmap ", "## VMA mmap " + PID + " " + HEX + " - " + HEX + ", " + HEX + " " + HEX,
                    (m, c) -> vmaCall(c, i(m, 1), "mmap", xs(m, 2, 3, 4, 5))),                            // VS-5
            rule("## VMA munmap ", "## VMA munmap " + PID + " " + HEX + " " + HEX,
                    (m, c) -> vmaCall(c, i(m, 1), "munmap", xs(m, 2, 3))),                                // VS-8
            rule("## VMA brk-ed ", "## VMA brk-ed " + PID + " " + HEX + " --> " + HEX,
                    (m, c) -> vmaCall(c, i(m, 1), "brk", xs(m, 2, 3))),                                   // VS-10
            rule("## VMA madvise-d ", "## VMA madvise-d " + PID + " " + HEX + " " + HEX + " " + DEC,
                    (m, c) -> vmaCall(c, i(m, 1), "madvise", List.of(x(m, 2), x(m, 3), d(m, 4)))),         // VS-12
            rule("VMA mprotect ", "VMA mprotect " + PID + " " + HEX + " " + HEX + " " + HEX,
                    (m, c) -> vmaCall(c, i(m, 1), "mprotect", xs(m, 2, 3, 4))),                           // VS-14
            rule("VMA mremap ", "VMA mremap " + PID + " " + HEX + " " + HEX + " " + HEX + " " + HEX + " " + HEX,
                    (m, c) -> vmaCall(c, i(m, 1), "mremap", xs(m, 2, 3, 4, 5, 6))),                       // VS-16
            rule("VMA_OP_REQUEST ", "VMA_OP_REQUEST " + PID + " (\\S+) " + HEX + " " + HEX,
                    (m, c) -> vma(c, i(m, 1), VmaEvent.Step.OP_REQUEST, m.group(2), null, xs(m, 3, 4), null, null)), // VS-20
            rule("vma_info: ", "vma_info: vma does not (really )?exist at " + HEX,
                    (m, c) -> vma(c, -1, VmaEvent.Step.NO_VMA, null, null, xs(m, 2), null,
                            m.group(1) == null ? null : "really")),                                       // VS-22, VS-23
            rule("__update_vma: ", "__update_vma: cannot find backing file (.*)",
                    (m, c) -> vma(c, -1, VmaEvent.Step.NO_BACKING_FILE, null, null, List.of(), null, m.group(1))), // VS-27
            // ---- process server ----
            rule("####### MIGRATED ", "####### MIGRATED - " + PEER + " from " + PEER,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.MIGRATED, null, peer(m, 3), peer(m, 1), List.of(), null)), // PS-9
            rule("####### MIGRATE ", "####### MIGRATE " + PID + " to " + DEC,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.MIGRATE, i(m, 2), null, null, List.of(), null)), // PS-46
            rule("### BACKMIG ", "### BACKMIG " + PID + " from " + PEER,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.BACK_MIGRATION, null, peer(m, 2), null, List.of(), null)), // PS-7
            rule("remote_thread_main ", "remote_thread_main " + PID + " started for " + PEER,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.THREAD_STARTED, null, peer(m, 2), null, List.of(), null)), // PS-8
            rule("remote_worker_main: ", "remote_worker_main: " + PID + " for " + PEER,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.REMOTE_WORKER, null, peer(m, 2), null, List.of(), null)), // PS-12
            rule("remote_worker_main: ", "remote_worker_main: " + PID + " (.*)",
                    (m, c) -> mig(c, i(m, 1), Migration.Step.REMOTE_WORKER_EXE, null, null, null, List.of(),
                            m.group(2))),                                                                 // PS-13
            rule("save_thread_info ", "save_thread_info " + PID + " tls " + HEX,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.SAVE_THREAD_INFO, null, null, null, xs(m, 2), "tls")), // PS-17
            rule("restore_thread_info ", "restore_thread_info " + PID + " ip " + HEX,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.RESTORE_THREAD_INFO, null, null, null, xs(m, 2), "ip")), // PS-18
            rule("restore_thread_info ", "restore_thread_info " + PID + " sp " + HEX + " bp " + HEX,
                    (m, c) -> mig(c, i(m, 1), Migration.Step.RESTORE_THREAD_INFO, null, null, null, xs(m, 2, 3),
                            "sp bp")),                                                                    // PS-19
            rule("process_back_migration: ",
                    "process_back_migration: pid mismatch during back migration \\(" + DEC + " != " + DEC + "\\)",
                    (m, c) -> mig(c, i(m, 1), Migration.Step.BACK_MIGRATION_PID_MISMATCH, null, null, null,
                            List.of(d(m, 2)), null)),                                                     // PS-6
            rule("EXITED ", "EXITED " + PID + " (remote|local)( worker)? / 0x" + HEX,
                    (m, c) -> exit(c, i(m, 1), TaskExit.Step.EXITED, null,
                            m.group(2) + (m.group(3) == null ? "" : m.group(3)), x(m, 4))),               // PS-2
            rule("TERMINATE ", "TERMINATE " + PEER + " with 0x" + DEC,
                    (m, c) -> exit(c, i(m, 1), TaskExit.Step.TERMINATE_REMOTE, i(m, 2), null, d(m, 3))),  // PS-1
            rule("TERMINATE ", "TERMINATE " + PID + " with 0x" + HEX,
                    (m, c) -> exit(c, i(m, 1), TaskExit.Step.TERMINATE, null, null, x(m, 2))),            // PS-5
            rule("process_remote_task_exit ", "process_remote_task_exit " + PID + " 0x" + HEX,
                    (m, c) -> exit(c, i(m, 1), TaskExit.Step.REMOTE_TASK_EXIT, null, null, x(m, 2))),     // PS-4
            rule("process_remote_task_exit: ", "process_remote_task_exit: pid mismatch " + DEC + " != " + DEC,
                    (m, c) -> exit(c, i(m, 1), TaskExit.Step.REMOTE_TASK_EXIT_PID_MISMATCH, null, null,
                            d(m, 2))),                                                                    // PS-3
            // ---- node setup, message layer ----
            rule("Loading Popcorn messaging layer", "Loading Popcorn messaging layer over (.*)\\.\\.\\.",
                    (m, c) -> {
                        c.p().popcornStarted = true;
                        return setup(c, NodeSetup.Step.LOADING, null, null, m.group(1));
                    }),
            rule("popcorn: ", "popcorn: ([ *]) (\\d{1,5}): (\\S+)",
                    (m, c) -> {
                        if (m.group(1).equals("*")) c.p().node = i(m, 2);
                        return setup(c, NodeSetup.Step.NODE_TABLE, i(m, 2), m.group(3),
                                m.group(1).equals("*") ? "*" : null);
                    }),
            rule("popcorn: ", "popcorn:    (\\d{1,5}) joined, (\\S+)",
                    (m, c) -> setup(c, NodeSetup.Step.JOINED, i(m, 1), null, m.group(2))),                // OT-1
            rule("popcorn: ", "popcorn: Ready on (.*)",
                    (m, c) -> setup(c, NodeSetup.Step.READY, null, null, m.group(1))),
            rule("popcorn: ", "popcorn: (.*)",
                    (m, c) -> setup(c, NodeSetup.Step.OTHER, null, null, m.group(1))),
            rule("Connecting to ", "Connecting to (\\d{1,5}) at (\\S+)",
                    (m, c) -> setup(c, NodeSetup.Step.CONNECTING, i(m, 1), m.group(2), null)),
            rule("SEND handler", "(SEND|RECV) handler for (\\d{1,5}) is ready",
                    (m, c) -> setup(c, NodeSetup.Step.HANDLER_READY, i(m, 2), null, m.group(1))),
            rule("RECV handler", "(SEND|RECV) handler for (\\d{1,5}) is ready",
                    (m, c) -> setup(c, NodeSetup.Step.HANDLER_READY, i(m, 2), null, m.group(1))),
            rule("Ready to accept", "Ready to accept incoming connections",
                    (m, c) -> setup(c, NodeSetup.Step.ACCEPTING, null, null, null)),
            rule("Failed to connect the socket ", "Failed to connect the socket " + DEC + "\\. Attempt again!!",
                    (m, c) -> setup(c, NodeSetup.Step.CONNECT_RETRY, null, null, m.group(1))),
            // ---- generic kernel reports (§2.3) ----
            rule("kernel BUG at ", "kernel BUG at ([^:]+):(\\d{1,9})!",
                    (m, c) -> new KernelProblem(c.src(), c.node(), c.t(), Clock.BOOT, "BUG", m.group(1), i(m, 2),
                            m.group(0))),
            rule("WARNING: CPU: ", "WARNING: CPU: \\d+ PID: \\d+ at ([^:]+):(\\d{1,9}) (.*)",
                    (m, c) -> new KernelProblem(c.src(), c.node(), c.t(), Clock.BOOT, "WARNING", m.group(1),
                            i(m, 2), m.group(0))),
            rule("BUG: ", "BUG: (.*)",
                    (m, c) -> new KernelProblem(c.src(), c.node(), c.t(), Clock.BOOT, "BUG", null, null, m.group(0))),
            // the hung-task detector (kernel/hung_task.c): a task in D longer than hung_task_timeout_secs
            rule("INFO: task ", "INFO: task (.+):(\\d{1,9}) blocked for more than (\\d{1,9}) seconds\\.",
                    (m, c) -> new KernelProblem(c.src(), c.node(), c.t(), Clock.BOOT, "HUNG_TASK", null, null, m.group(0))),
            // an oops header and the kernel-mode instruction pointer that follows it (names the faulting function)
            rule("Oops: ", "Oops: [0-9a-f]{1,8} \\[#\\d{1,5}\\].*",
                    (m, c) -> new KernelProblem(c.src(), c.node(), c.t(), Clock.BOOT, "OOPS", null, null, m.group(0))),
            rule("RIP: 0010:", "RIP: 0010:(\\S+)",
                    (m, c) -> new KernelProblem(c.src(), c.node(), c.t(), Clock.BOOT, "RIP", null, null, m.group(0))),
            rule("Kernel panic", "Kernel panic - (.*)",
                    (m, c) -> new KernelProblem(c.src(), c.node(), c.t(), Clock.BOOT, "PANIC", null, null,
                            m.group(0))));

    /** Sub-step lines "  [pid] rest", matched on rest; the handler gets the pid in the Ctx. */
    private static final List<Rule> SUBSTEPS = List.of(
            // page server
            rule("->[", "->" + PEER + " " + HEX + " " + HEX,
                    (m, c) -> msg(c, c.pid(), Direction.SENT, PcnKmsgType.REMOTE_PAGE_REQUEST, peer(m, 1), x(m, 3),
                            x(m, 4), null, null)),                                                        // PG-21
            rule("->[", "->" + PEER + " " + HEX,
                    (m, c) -> msg(c, c.pid(), Direction.SENT, responseType((int) x(m, 3)), peer(m, 1), null, null,
                            (int) x(m, 3), null)),                                                        // PG-29
            rule("<-[", "<-" + PEER + " " + HEX + " " + HEX,
                    (m, c) -> msg(c, c.pid(), Direction.RECEIVED, responseType((int) x(m, 4)), peer(m, 1), x(m, 3),
                            null, (int) x(m, 4), null)),                                                  // PG-20
            rule("revoke ", "revoke " + HEX + " " + PEER,
                    (m, c) -> msg(c, c.pid(), Direction.SENT, PcnKmsgType.PAGE_INVALIDATE_REQUEST, peer(m, 2),
                            x(m, 1), null, null, null)),                                                  // PG-18
            rule("", "((?:remote|local) (?:write|read)) ongoing, wait",
                    (m, c) -> step(c, c.pid(), Step.INVALIDATION_WAIT, null, null, m.group(1), null)),    // PG-1
            rule("waits ", "waits " + PTR,
                    (m, c) -> step(c, c.pid(), Step.WAITS, null, m.group(1), null, null)),                // PG-6
            rule("locked. retry ", "locked\\. retry " + PTR,
                    (m, c) -> step(c, c.pid(), Step.LOCKED_RETRY, null, m.group(1), null, null)),         // PG-7
            rule("VM_EXEC", "VM_EXEC\\. continue", (m, c) -> step(c, Step.VM_EXEC_CONTINUE)),             // PG-39
            rule("locally", "locally file-mapped read-only\\. continue",
                    (m, c) -> step(c, Step.FILE_READONLY_CONTINUE)),                                       // PG-40
            rule("might", "might be fixed by others\\?\\?\\?", (m, c) -> step(c, Step.MIGHT_BE_FIXED)),   // PG-41
            rule("", HEX + " fresh at origin, continue",
                    (m, c) -> step(c, c.pid(), Step.FRESH_AT_ORIGIN, x(m, 1), null, null, null)),         // PG-33
            rule("fresh", "fresh at origin\\. continue", (m, c) -> step(c, Step.FRESH_AT_ORIGIN)),        // PG-35
            rule("", HEX + " already handled",
                    (m, c) -> step(c, c.pid(), Step.ALREADY_HANDLED, x(m, 1), null, null, null)),         // PG-30, PG-34
            rule("local at", "local at origin\\. continue", (m, c) -> step(c, Step.LOCAL_AT_ORIGIN)),     // PG-36
            rule("handle local", "handle local fault at origin",
                    (m, c) -> step(c, Step.HANDLE_LOCAL_AT_ORIGIN)),                                       // PG-25
            rule("No PTE", "No PTE!!", (m, c) -> step(c, Step.NO_PTE)),                                   // PG-23, PG-24
            rule("not found", "not found", (m, c) -> step(c, Step.NOT_FOUND)),                            // PG-27
            rule("failed 0x", "failed 0x" + HEX,
                    (m, c) -> step(c, c.pid(), Step.FAILED, null, null, null, x(m, 1))),                  // PG-32
            rule("backoff ", "backoff " + DEC,
                    (m, c) -> step(c, c.pid(), Step.BACKOFF, null, null, null, d(m, 1))),                 // PG-42
            rule("zap ", "zap " + HEX, (m, c) -> step(c, c.pid(), Step.ZAP, x(m, 1), null, null, null)), // PG-22
            rule("", HEX + " replicated (not )?mine " + PTR,
                    (m, c) -> step(c, c.pid(), Step.REPLICATED, x(m, 1), m.group(3),
                            m.group(2) == null ? "mine" : "not mine", 0L)),                               // PG-37 follower
            // process server
            rule("invalid migration", "invalid migration destination " + DEC,
                    (m, c) -> mig(c, c.pid(), Migration.Step.INVALID_DESTINATION, i(m, 1), null, null, List.of(),
                            null)),                                                                       // PS-47
            rule("already running", "already running at the destination " + DEC,
                    (m, c) -> mig(c, c.pid(), Migration.Step.ALREADY_AT_DESTINATION, i(m, 1), null, null,
                            List.of(), null)),                                                            // PS-48
            rule("destination node", "destination node " + DEC + " is offline",
                    (m, c) -> mig(c, c.pid(), Migration.Step.DESTINATION_OFFLINE, i(m, 1), null, null, List.of(),
                            null)),                                                                       // PS-49
            rule("resume", "resume execution",
                    (m, c) -> mig(c, c.pid(), Migration.Step.RESUME, null, null, null, List.of(), null)), // PS-50
            // VMA server
            rule("map+ ", "map\\+ " + HEX + " " + HEX,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.MAP, "map+", null, xs(m, 1, 2), null, null)), // VS-1
            rule("map0 ", "map0 " + HEX + " -- " + HEX + " @ " + HEX + ", " + HEX,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.MAP, "map0", null, xs(m, 1, 2, 3, 4), null, null)), // VS-2
            rule("map", "map([12]) " + HEX + " -- " + HEX + " @ " + HEX,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.MAP, "map" + m.group(1), null, xs(m, 2, 3, 4), null,
                            null)),                                                                       // VS-3, VS-4
            rule("", HEX + " ->" + PEER,
                    (m, c) -> msg(c, c.pid(), Direction.SENT, PcnKmsgType.VMA_INFO_REQUEST, peer(m, 2), x(m, 1),
                            null, null, null)),                                                           // VS-30
            rule("", HEX + " already pended",
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.ALREADY_PENDED, null, null, xs(m, 1), null, null)), // VS-31
            rule("->munmap ", "->munmap " + PEER + " " + HEX + "\\+" + HEX,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.MUNMAP_PROPAGATE, "munmap", peer(m, 1), xs(m, 3, 4),
                            null, null)),                                                                 // VS-17
            rule("->", "->(\\w+) " + DEC,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.OP_RESULT, m.group(1), null, List.of(), d(m, 2), null)), // VS-21
            rule("Cannot open ", "Cannot open (.*) " + DEC,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.CANNOT_OPEN, "mmap", null, List.of(), d(m, 2),
                            m.group(1))),                                                                 // VS-18
            rule("", DEC + " " + DEC + " / " + DEC + " " + HEX + "-" + HEX,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.MADVISE_RELEASE, "madvise", null,
                            List.of(d(m, 1), d(m, 2), d(m, 3), x(m, 4), x(m, 5)), null, null)),           // VS-32, PG-19
            rule("", HEX + " " + HEX + " -- " + HEX + " " + HEX + " " + HEX,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.OP_AT_ORIGIN, "mmap", null, xs(m, 2, 3, 4, 5), x(m, 1),
                            null)),                                                                       // VS-19
            rule("", DEC + " " + HEX + " -- " + HEX + " " + HEX,
                    (m, c) -> callResult(c, xs(m, 2, 3, 4), d(m, 1))),                                    // VS-13, VS-15
            rule("", DEC + " " + HEX + " -- " + HEX,
                    (m, c) -> callResult(c, xs(m, 2, 3), d(m, 1))),                                       // VS-7, VS-9
            rule("", HEX + " " + HEX,
                    (m, c) -> "brk".equals(c.p().lastVmaCall.get(c.pid()))
                            ? callResult(c, xs(m, 2), d(m, 1))                                            // VS-11
                            : vma(c, c.pid(), VmaEvent.Step.INFO_UPDATE, null, null, xs(m, 1, 2), null, null)), // VS-26
            rule("", "(.*) \\+ " + HEX,
                    (m, c) -> vma(c, c.pid(), VmaEvent.Step.INFO_FILE, null, null, xs(m, 2), null, m.group(1))), // VS-25, VS-28
            rule("", "(.+)",
                    (m, c) -> "mmap".equals(c.p().lastVmaCall.get(c.pid()))
                            ? vma(c, c.pid(), VmaEvent.Step.CALL_PATH, "mmap", null, List.of(), null, m.group(1)) // VS-6
                            : null));

    private static VmaEvent callResult(Ctx c, List<Long> values, long ret) {
        String op = c.p().lastVmaCall.remove(c.pid());
        return vma(c, c.pid(), VmaEvent.Step.CALL_RESULT, op, null, values, ret, null);
    }

    private TraceEvent match(String text, Source src) {
        if (text.startsWith("  [")) {
            Matcher s = SUB.matcher(text);
            if (s.matches()) {
                Ctx c = new Ctx(this, src, Integer.parseInt(s.group(1)));
                String rest = s.group(2);
                TraceEvent e = apply(SUBSTEPS, rest, c);
                if (e != null) return e;
            }
        }
        return apply(TOP, text, new Ctx(this, src, -1));
    }

    private static TraceEvent apply(List<Rule> rules, String text, Ctx c) {
        for (Rule r : rules) {
            if (!text.startsWith(r.guard())) continue;
            Matcher m = r.pattern().matcher(text);
            if (m.matches()) {
                TraceEvent e = r.handler().apply(m, c);
                if (e != null) return e;
            }
        }
        return null;
    }
}
