package pcnref.trace.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcnref.kmsg.PageInvalidateRequest;
import pcnref.kmsg.PageInvalidateResponse;
import pcnref.kmsg.RemoteFutexRequest;
import pcnref.kmsg.RemoteFutexResponse;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.RemotePageResponse;
import pcnref.kmsg.RemotePageResponseShort;
import pcnref.pages.FhAction;
import pcnref.pages.PageStep.Action;
import pcnref.trace.Decoder;
import pcnref.trace.Lines;
import pcnref.trace.ReadStats;
import pcnref.trace.event.Direction;
import pcnref.trace.event.FaultBegin;
import pcnref.trace.event.FaultStep;
import pcnref.trace.event.KernelProblem;
import pcnref.trace.event.LoggedMessage;
import pcnref.trace.event.MessageEvent;
import pcnref.trace.event.Migration;
import pcnref.trace.event.NodeSetup;
import pcnref.trace.event.Peer;
import pcnref.trace.event.PgFault;
import pcnref.trace.event.Source;
import pcnref.trace.event.TaskExit;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.explain.Explanation.Actor;
import pcnref.trace.explain.Explanation.EndState;
import pcnref.trace.explain.Explanation.Fact;
import pcnref.trace.explain.Explanation.FileRead;
import pcnref.trace.explain.Explanation.MessageWait;
import pcnref.trace.explain.Explanation.ModelRef;
import pcnref.trace.explain.Explanation.OpenContext;
import pcnref.trace.explain.Explanation.OpenHandle;
import pcnref.trace.explain.Explanation.PageHistory;
import pcnref.trace.explain.Explanation.Program;
import pcnref.trace.explain.Explanation.RetryStorm;
import pcnref.trace.explain.Explanation.Sleeper;
import pcnref.trace.explain.Explanation.Verdict;
import pcnref.trace.explain.HangStacks.BlockedTask;
import pcnref.trace.explain.HangStacks.StackClass;
import pcnref.trace.pcap.PcapOptions;

/**
 * Explains one recording (a run directory) from its logs: replays every node's dmesg through a small state
 * machine of the page server's fault handles (page-protocol.md §4, §5; the model's actions in
 * {@link Action}, the fh_action table in {@link FhAction}), adds the ftrace pgfault ends, the capture's
 * messages (requests without responses, RETRY answers, the futex pin's fault_flags-0 claim, forwarded futex
 * waits) and the hang.txt stacks, and gives a verdict with evidence (docs/explain.md states the rules).
 *
 * <p>Streaming: every file is read line by line (or message by message); the state kept is the open contexts
 * and handles, counters per (node, task, page) key, and the facts of the selected pages (at most
 * {@value #KEEP_PER_KEY} plus the last per repeated event unless all events are asked for). Two passes: the
 * first finds the pages that matter, the second keeps their history.
 */
public final class Explainer {
    /** Facts shown per repeated event of a page (then "... n more", and the last one). */
    static final int KEEP_PER_KEY = 3;
    /** Pages shown by default. */
    static final int MAX_PAGES = 4;
    private static final long PAGE_MASK = ~0xfffL;
    private static final int VM_FAULT_RETRY = 0x400;
    private static final int VM_FAULT_CONTINUE = 0x4000;
    /** FAULT_FLAG_USER (include/linux/mm.h): set for user faults, absent for gup faults. */
    private static final long FAULT_FLAG_USER = 0x40;

    private Explainer() {
    }

    /**
     * @param pages     pages to show (null: chosen from the end state)
     * @param allEvents keep every fact of the shown pages (no collapsing of repeated events)
     * @param progress  receives progress lines (big runs)
     * @param models    the model counterexample for a config name (null: only the name)
     */
    public record Options(List<Long> pages, boolean allEvents, Consumer<String> progress,
                          Function<String, ModelRef> models) {
        public static Options defaults() {
            return new Options(null, false, s -> { }, null);
        }
    }

    public static Explanation explain(Path dir, Options o) throws IOException {
        RunFiles files = RunFiles.of(dir);
        if (files.nodes().isEmpty() && files.program() == null) {
            throw new Decoder.DecodeException(dir + ": no nodeN.* files and no program.out.txt: not a recording");
        }
        boolean big = files.totalBytes() > (64L << 20);
        Consumer<String> progress = big ? o.progress() : s -> { };
        Pass first;
        List<Long> pages = o.pages();
        if (pages == null) {
            progress.accept("pass 1/2: finding the pages that matter");
            first = new Pass(files, p -> false, false, progress);
            first.run();
            pages = first.relevantPages();
            progress.accept("pass 2/2: history of " + pages.size() + " page(s)");
        } else {
            first = null;
        }
        Set<Long> keep = new LinkedHashSet<>(pages);
        Pass pass = new Pass(files, keep::contains, o.allEvents(), progress);
        pass.run();
        Map<Long, String> why = first != null ? first.why : pass.why;
        if (o.pages() != null) for (long p : o.pages()) why.putIfAbsent(p, "asked for (--page)");
        return pass.result(new ArrayList<>(keep), why, o.models());
    }

    // ---------------------------------------------------------------------------------------------------------
    // State of one pass

    enum Kind { FAULT, PIN, SERVE, INVALIDATE }

    /** A kernel context at one node working on one page: a fault, a futex pin, a worker serving a request, an invalidation. */
    static final class Ctx {
        final Kind kind;
        final int node;
        final int pid;
        final long page;
        final boolean write;
        final long ip;
        final long flags;
        final Peer peer;
        final String began;
        final long seq;
        boolean gup;
        boolean pinnedAtBegin;
        boolean notMine;
        boolean claimed;
        boolean awaiting;
        boolean holds;
        boolean leader;
        boolean silent;
        String queue;
        String sleepCite;
        Integer sleepIdx;
        boolean ended;
        String end;
        String frame;
        String lastCite;

        Ctx(Kind kind, int node, int pid, long page, boolean write, long ip, long flags, Peer peer, String began, long seq) {
            this.kind = kind;
            this.node = node;
            this.pid = pid;
            this.page = page;
            this.write = write;
            this.ip = ip;
            this.flags = flags;
            this.peer = peer;
            this.began = began;
            this.seq = seq;
            this.lastCite = began;
        }

        String describe() {
            return switch (kind) {
                case FAULT -> (gup ? "kernel (gup) " : "") + (write ? "write" : "read") + " fault of [" + pid + "] (" + began + ")";
                case PIN -> "futex pin of [" + pid + "] (" + (silent ? "silent" : began) + ")";
                case SERVE -> "[" + pid + "] serving " + (write ? "W" : "R") + " request of " + peer + " (" + began + ")";
                case INVALIDATE -> "[" + pid + "] invalidating for " + peer + " (" + began + ")";
            };
        }
    }

    /** A fault handle hashed at one node for one page (struct fault_handle). */
    static final class Handle {
        final int node;
        final long page;
        final Ctx leader;
        final boolean remote;
        final boolean write;
        boolean inv;
        final boolean visible;
        final String since;
        final List<Ctx> holders = new ArrayList<>();
        final List<Ctx> sleepers = new ArrayList<>();

        Handle(int node, long page, Ctx leader, boolean remote, boolean write, boolean visible, String since) {
            this.node = node;
            this.page = page;
            this.leader = leader;
            this.remote = remote;
            this.write = write;
            this.visible = visible;
            this.since = since;
        }

        String flags() {
            return (remote ? "R" : "L") + " " + (inv ? "i" : "-") + " " + (write ? "W" : "R");
        }
    }

    static final class NodeState {
        final Map<Integer, Ctx> fault = new HashMap<>();
        final Map<Integer, Map<Long, Ctx>> pins = new HashMap<>();
        final Map<Integer, ArrayDeque<Ctx>> serves = new HashMap<>();
        final Map<Integer, ArrayDeque<Ctx>> invals = new HashMap<>();
        final Map<Long, Handle> handles = new TreeMap<>();
        final Map<Integer, Ctx> last = new HashMap<>();
    }

    static final class ActorB {
        final int node;
        final int pid;
        final Set<String> roles = new LinkedHashSet<>();
        String peer;
        long faults;
        long served;
        String first;
        String end;

        ActorB(int node, int pid) {
            this.node = node;
            this.pid = pid;
        }
    }

    record Key4(int node, int pid, long page, long extra) {
    }

    static final class Storm {
        long wire, requests, afterPin, server, requester, ftrace;
        boolean pinSeen;
    }

    record Outstanding(String type, int from, int to, int pid, Long addr, String detail, String cite, long frame) {
    }

    /** A fact with its sort key, before collapsing. */
    record RawFact(int group, long time, long order, Fact fact) {
    }

    static final class PageFacts {
        final List<RawFact> kept = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();
        final Map<String, RawFact> tail = new HashMap<>();
        long omitted;
    }

    // ---------------------------------------------------------------------------------------------------------

    static final class Pass {
        final RunFiles files;
        final LongPredicate keep;
        final boolean all;
        final Consumer<String> progress;
        final List<FileRead> read = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final Map<Integer, NodeState> nodes = new TreeMap<>();
        final Map<String, Integer> ipNode = new HashMap<>();
        final Map<Long, ActorB> actors = new LinkedHashMap<>();
        final Map<Long, PageFacts> facts = new TreeMap<>();
        final Map<Long, Long> pageActivity = new HashMap<>();
        final Map<Long, String> why = new LinkedHashMap<>();
        // fault ends per (node, pid, page, rw/ip) in ftrace; fault begins in dmesg
        final Map<Key4, Long> ftraceEnds = new HashMap<>();
        final Map<Key4, Long> begins = new HashMap<>();
        // ftrace RETRY answers per (serving node, acting pid, page, requester node); acting pid -> requester from dmesg
        final Map<Key4, Long> ftraceServedRetries = new HashMap<>();
        final Map<List<Integer>, Integer> actingFor = new HashMap<>();
        final Map<Key4, Storm> storms = new TreeMap<>(Comparator.comparingInt(Key4::node).thenComparingInt(Key4::pid)
                .thenComparingLong(Key4::page));
        // claim lines / wire requests per (from, to, page, ip) for the line-to-frame match of pins
        final Map<List<Long>, Long> claimOcc = new HashMap<>();
        final Map<List<Long>, Long> wireOcc = new HashMap<>();
        final Map<List<Long>, Ctx> pinClaims = new HashMap<>();
        // pin evidence per (node, pid, page): where
        final Map<Key4, List<String>> pinEvidence = new LinkedHashMap<>();
        final Map<List<Long>, Outstanding> outstanding = new LinkedHashMap<>();
        final Map<Key4, Long> wirePinFrame = new HashMap<>();
        // (node, page) -> the last line where a fault of that node received the page's data
        final Map<Key4, String> lastCopy = new HashMap<>();
        final Map<String, Long> idxCounts = new TreeMap<>();
        final List<Ctx> allOpenAtEnd = new ArrayList<>();
        final List<BlockedTask> blocked = new ArrayList<>();
        final List<String> kernelProblems = new ArrayList<>();
        final Set<Integer> migratedOrigins = new TreeSet<>();
        /** nodes whose ftrace file is a trace (not a placeholder): only there does a missing pgfault end mean something */
        final Set<Integer> ftraceNodes = new TreeSet<>();
        final Map<Integer, Set<Integer>> homeTasks = new HashMap<>();
        final Map<Integer, Long> faultCount = new TreeMap<>();
        long migrations;
        long exits;
        long pageFaults;
        long seq;
        int origin;
        String originBasis;
        Program program;

        Pass(RunFiles files, LongPredicate keep, boolean all, Consumer<String> progress) {
            this.files = files;
            this.keep = keep;
            this.all = all;
            this.progress = progress;
        }

        void run() throws IOException {
            origin = detectOrigin();
            for (int n : files.nodes()) nodes.put(n, new NodeState());
            for (int n : files.nodes()) {
                Path f = files.ftrace().get(n);
                if (f == null) {
                    read.add(new FileRead(n, "ftrace", null, false, null, null));
                    continue;
                }
                progress.accept("reading " + f);
                try {
                    ReadStats st = Lines.stream(f, new pcnref.trace.ftrace.FtraceParser(f.toString(), n), e -> ftrace(n, e));
                    read.add(new FileRead(n, "ftrace", f.toString(), true, st.totalEvents(), st.unrecognisedLines()));
                    if (st.lines() > st.unrecognisedLines()) ftraceNodes.add(n);
                    problem(f, st);
                } catch (IOException | RuntimeException e) {
                    // what was read so far stays; the file's error is one line
                    problems.add(f + ": " + e.getMessage());
                }
            }
            for (int n : files.nodes()) {
                Path f = files.dmesg().get(n);
                if (f == null) {
                    read.add(new FileRead(n, "dmesg", null, false, null, null));
                    continue;
                }
                progress.accept("reading " + f);
                NodeState ns = nodes.get(n);
                try {
                    ReadStats st = Lines.stream(f, new pcnref.trace.dmesg.DmesgParser(f.toString(), n), e -> dmesg(n, ns, e));
                    boolean console = files.dmesgIsConsole().get(n);
                    read.add(new FileRead(n, console ? "console" : "dmesg", f.toString(), true,
                            st.totalEvents(), st.unrecognisedLines()));
                    if (console) problems.add(files.dir().resolve("node" + n + ".dmesg.txt") + ": missing or not a kernel log; "
                            + f.getFileName() + " (the serial console) is read instead");
                    problem(f, st);
                } catch (IOException | RuntimeException e) {
                    // what was read so far stays; the file's error is one line
                    problems.add(f + ": " + e.getMessage());
                }
            }
            Set<Integer> withPcap = files.pcap().keySet();
            for (int n : files.nodes()) {
                Path f = files.pcap().get(n);
                if (f == null) {
                    read.add(new FileRead(n, "pcap", null, false, null, null));
                    continue;
                }
                progress.accept("reading " + f);
                long[] count = {0};
                try {
                    pcnref.trace.pcap.Stats st = pcnref.trace.pcap.PcapMessageReader.read(f, PcapOptions.defaults(),
                            m -> {
                                MessageEvent e = MessageEvent.of(m, n);
                                if (takeFrom(n, e, withPcap)) {
                                    count[0]++;
                                    wire(n, e);
                                }
                            });
                    read.add(new FileRead(n, "pcap", f.toString(), true, count[0], (long) st.errorCount()));
                    problems.addAll(st.errors());
                } catch (IOException | RuntimeException e) {
                    // what was read so far stays; the file's error is one line
                    problems.add(f + ": " + e.getMessage());
                }
            }
            for (int n : files.nodes()) {
                Path f = files.hang().get(n);
                if (f == null) continue;
                try {
                    List<BlockedTask> l = HangStacks.read(f, n, "n" + n + "h", problems);
                    blocked.addAll(l);
                    read.add(new FileRead(n, "hang", f.toString(), true, (long) l.size(), null));
                } catch (IOException | RuntimeException e) {
                    // what was read so far stays; the file's error is one line
                    problems.add(f + ": " + e.getMessage());
                }
            }
            readProgram();
            endOfRecording();
        }

        private void problem(Path f, ReadStats st) {
            if (st.unrecognisedLines() > 0) {
                String first = st.unrecognisedSamples().isEmpty() ? "" : ", first: " + st.unrecognisedSamples().getFirst();
                problems.add(f + ": " + st.unrecognisedLines() + " unrecognised line(s)" + first);
            }
        }

        /** Origin: the node named in "MIGRATED ... from [p/o]" lines; else the lowest node. A cheap first look. */
        private int detectOrigin() {
            Pattern mig = Pattern.compile("####### MIGRATED - \\[\\d+/\\d+\\] from \\[\\d+/(\\d+)\\]");
            for (int n : files.nodes()) {
                Path f = files.dmesg().get(n);
                if (f == null) continue;
                try (BufferedReader r = Lines.open(f)) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        Matcher m = mig.matcher(l);
                        if (m.find()) {
                            originBasis = "MIGRATED ... from [p/" + m.group(1) + "] in " + f.getFileName();
                            return Integer.parseInt(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    // reported when the file is read for real
                }
            }
            originBasis = "no migration in the logs: the lowest node is taken as the origin";
            return files.nodes().isEmpty() ? 0 : files.nodes().first();
        }

        /** Every message once: from the capture of the lowest node on its path that has a capture. */
        private boolean takeFrom(int n, MessageEvent e, Set<Integer> withPcap) {
            Integer to = to(n, e);
            int from = e.fromNid();
            int best = Integer.MAX_VALUE;
            if (withPcap.contains(from)) best = from;
            if (to != null && withPcap.contains(to)) best = Math.min(best, to);
            return best == Integer.MAX_VALUE || best == n;
        }

        private Integer to(int n, MessageEvent e) {
            String ip = e.dst() == null ? null : e.dst().substring(0, Math.max(0, e.dst().lastIndexOf(':')));
            Integer to = ip == null ? null : ipNode.get(ip);
            if (to == null && e.direction() == Direction.RECEIVED) to = n;
            if (to == null && files.nodes().size() == 2) {
                for (int k : files.nodes()) if (k != e.fromNid()) to = k;
            }
            return to;
        }

        // ---- citations

        static String cite(Source s) {
            String name = Path.of(s.file()).getFileName().toString();
            Matcher m = Pattern.compile("node(\\d+)\\.(dmesg|console|ftrace|hang)").matcher(name);
            if (s.line() != null && m.find()) {
                return "n" + m.group(1) + m.group(2).charAt(0) + ":" + s.line();
            }
            if (s.frame() != null) {
                Matcher p = Pattern.compile("node(\\d+)\\.pcap").matcher(name);
                if (p.find() && !p.group(1).equals("0")) return "n" + p.group(1) + "p frame " + s.frame();
                if (p.find(0)) return "frame " + s.frame();
                return name + " frame " + s.frame();
            }
            return s.toString();
        }

        static String hex(long v) {
            return Long.toHexString(v);
        }

        static List<String> model(Action... a) {
            List<String> l = new ArrayList<>(a.length);
            for (Action x : a) l.add(x.name());
            return l;
        }

        static String actionBits(int action) {
            if (action == FhAction.INVALID) return "INVALID";
            List<String> b = new ArrayList<>();
            if (FhAction.has(action, FhAction.FOLLOW)) b.add("FOLLOW");
            if (FhAction.has(action, FhAction.RETRY)) b.add("RETRY");
            if (FhAction.has(action, FhAction.WAIT)) b.add("WAIT");
            if (FhAction.has(action, FhAction.LOCAL)) b.add("LOCAL");
            if (FhAction.has(action, FhAction.DELAY)) b.add("DELAY");
            return String.join("|", b);
        }

        // ---- facts

        void fact(long page, int node, Integer pid, Source src, long time, String event, List<String> model,
                  Integer idx, String row, String note) {
            pageActivity.merge(page, 1L, Long::sum);
            if (!keep.test(page)) return;
            String cite = src == null ? "" : cite(src);
            int group = src != null && src.frame() != null ? 1000 : node;
            long order = src == null ? 0 : src.line() != null ? src.line() : src.frame();
            RawFact rf = new RawFact(group, time, order, new Fact(node, pid, cite, event, model, idx, row, note));
            PageFacts pf = facts.computeIfAbsent(page, k -> new PageFacts());
            if (all) {
                pf.kept.add(rf);
                return;
            }
            String key = group + "|" + pid + "|" + event.replaceAll("backoff \\d+", "backoff #") + "|" + model + "|" + idx;
            int n = pf.seen.merge(key, 1, Integer::sum);
            if (n <= KEEP_PER_KEY) {
                pf.kept.add(rf);
            } else {
                if (pf.tail.put(key, rf) != null) pf.omitted++;
            }
        }

        ActorB actor(int node, int pid, Source s) {
            ActorB a = actors.computeIfAbsent(((long) node << 32) | (pid & 0xffffffffL), k -> new ActorB(node, pid));
            if (a.first == null && s != null) a.first = cite(s);
            return a;
        }

        // ---- ftrace

        void ftrace(int n, TraceEvent e) {
            if (!(e instanceof PgFault p)) return;
            long page = p.addr() & PAGE_MASK;
            boolean served = p.served() != null ? p.served() : p.nid() != n;
            if (served) {
                // pid: the task the worker acts as at this node (the requester's home task or the remote worker)
                if (p.result() == VM_FAULT_RETRY) ftraceServedRetries.merge(new Key4(n, p.pid(), page, p.nid()), 1L, Long::sum);
                fact(page, n, null, p.source(), p.timeNs(), "pgfault served by a worker acting as [" + p.pid() + "] for node " + p.nid() + ", "
                        + p.rw() + " ip " + hex(p.instrAddr()) + " result " + p.result(), model(Action.PostResponse),
                        null, null, resultText(p.result()));
            } else {
                ftraceEnds.merge(new Key4(n, p.pid(), page, faultKey(p.rw() == 'W', p.instrAddr())), 1L, Long::sum);
                fact(page, n, p.pid(), p.source(), p.timeNs(), "pgfault " + p.rw() + " ip " + hex(p.instrAddr())
                        + " result " + p.result(), model(Action.FinishFaultHandling), null, null,
                        "page_server_handle_pte_fault returned: " + resultText(p.result()));
            }
        }

        static long faultKey(boolean write, long ip) {
            return (ip << 1) | (write ? 1 : 0);
        }

        static String resultText(long r) {
            if (r == 0) return "0 (done, data)";
            if (r == VM_FAULT_RETRY) return "VM_FAULT_RETRY (0x400)";
            if (r == VM_FAULT_CONTINUE) return "VM_FAULT_CONTINUE (0x4000: grant, no data)";
            return "0x" + Long.toHexString(r);
        }

        Storm storm(int node, int pid, long page) {
            return storms.computeIfAbsent(new Key4(node, pid, page, 0), k -> new Storm());
        }

        // ---- dmesg: the state machine

        void dmesg(int n, NodeState ns, TraceEvent e) {
            seq++;
            switch (e) {
                case NodeSetup s -> {
                    if (s.step() == NodeSetup.Step.NODE_TABLE && s.ip() != null && s.nid() != null) ipNode.put(s.ip(), s.nid());
                }
                case FaultBegin fb -> faultBegin(n, ns, fb);
                case FaultStep fs -> faultStep(n, ns, fs);
                case LoggedMessage lm -> logged(n, ns, lm);
                case Migration m -> migration(n, m);
                case TaskExit t -> {
                    if (t.step() == TaskExit.Step.EXITED) {
                        exits++;
                        actor(n, t.pid(), t.source()).end = "exited " + t.where() + " (" + cite(t.source()) + ")";
                    }
                }
                case KernelProblem k -> kernelProblems.add(cite(k.source()) + ": " + k.text());
                default -> { }
            }
        }

        private void migration(int n, Migration m) {
            switch (m.step()) {
                case MIGRATE -> {
                    migrations++;
                    ActorB a = actor(n, m.pid(), m.source());
                    a.roles.add(n == origin ? "origin thread, migrated to node " + m.nid() : "migrated back to node " + m.nid());
                    if (n == origin) homeTasks.computeIfAbsent(n, k -> new TreeSet<>()).add(m.pid());
                }
                case MIGRATED -> {
                    ActorB a = actor(n, m.self().pid(), m.source());
                    a.roles.add("runs thread " + m.peer() + " at node " + n);
                    a.peer = m.peer().toString();
                    ActorB o = actor(m.peer().nid(), m.peer().pid(), null);
                    o.peer = m.self().toString();
                    o.roles.add("home task of " + m.self() + " (origin workers serving it print [" + m.peer().pid() + "])");
                    migratedOrigins.add(m.peer().nid());
                }
                case BACK_MIGRATION -> actor(n, m.pid(), m.source()).roles.add("came back from " + m.peer());
                case REMOTE_WORKER -> actor(n, m.pid(), m.source()).roles.add("remote worker of process " + m.peer()
                        + " (serves the origin's requests at node " + n + ")");
                default -> { }
            }
        }

        private void faultBegin(int n, NodeState ns, FaultBegin fb) {
            long page = fb.addr() & PAGE_MASK;
            pageFaults++;
            Ctx prev = ns.fault.get(fb.pid());
            if (prev != null && !prev.ended) endCtx(ns, prev, "superseded by the next fault of [" + fb.pid() + "] at " + cite(fb.source()));
            boolean write = (fb.faultFlags() & PageKmsgFlags.WRITE) != 0;
            Ctx c = new Ctx(Kind.FAULT, n, fb.pid(), page, write, fb.instrAddr(), fb.faultFlags(), null, cite(fb.source()), seq);
            c.gup = (fb.faultFlags() & FAULT_FLAG_USER) == 0;
            Map<Long, Ctx> pins = ns.pins.get(fb.pid());
            c.pinnedAtBegin = pins != null && pins.containsKey(page);
            ns.fault.put(fb.pid(), c);
            ns.last.put(fb.pid(), c);
            begins.merge(new Key4(n, fb.pid(), page, faultKey(write, fb.instrAddr())), 1L, Long::sum);
            ActorB a = actor(n, fb.pid(), fb.source());
            a.faults++;
            String where = n == origin ? "__handle_localfault_at_origin" : "__handle_localfault_at_remote";
            String kind = c.gup ? "kernel gup fault (no FAULT_FLAG_USER)" : "user fault";
            String note = "page_server_handle_pte_fault -> " + where + "; " + kind;
            List<String> m = c.pinnedAtBegin ? model(Action.FutexGetKey, Action.HandlePteFault) : model(Action.HandlePteFault);
            if (c.pinnedAtBegin) note += "; [" + fb.pid() + "] holds the futex pin of this page: get_futex_key's get_user_pages_fast(FOLL_WRITE)";
            fact(page, n, fb.pid(), fb.source(), fb.timeNs(), "## PAGEFAULT " + fb.rw() + " ip " + hex(fb.instrAddr())
                    + " flags 0x" + hex(fb.faultFlags()) + " pte 0x" + hex(fb.pteFlags()), m, null, null, note);
        }

        /** The open context of pid at node working on page, in the order a log line names it. */
        private Ctx find(NodeState ns, int pid, long page) {
            Ctx f = ns.fault.get(pid);
            if (f != null && !f.ended && f.page == page) return f;
            ArrayDeque<Ctx> s = ns.serves.get(pid);
            if (s != null) for (Ctx c : s) if (!c.ended && c.page == page) return c;
            ArrayDeque<Ctx> i = ns.invals.get(pid);
            if (i != null) for (Ctx c : i) if (!c.ended && c.page == page) return c;
            Map<Long, Ctx> p = ns.pins.get(pid);
            if (p != null) {
                Ctx c = p.get(page);
                if (c != null && !c.ended) return c;
            }
            return null;
        }

        private Handle newHandle(NodeState ns, int n, Ctx leader, boolean remote, boolean write, String cite) {
            Handle h = new Handle(n, leader.page, leader, remote, write, true, cite);
            Handle old = ns.handles.put(leader.page, h);
            if (old != null) {
                // The kernel made a new leader: the old handle must have been released without a line we know.
                for (Ctx s : old.sleepers) h.sleepers.add(s);
            }
            h.holders.add(leader);
            leader.holds = true;
            leader.leader = true;
            return h;
        }

        /** fh_action row for context c meeting handle h (page-protocol.md §5.2). */
        private int idx(int n, Handle h, Ctx c) {
            boolean write = c.kind != Kind.PIN && c.write;
            boolean remoteFault = c.kind == Kind.SERVE;
            return FhAction.index(n != origin, h.remote, h.inv, h.write, write, remoteFault);
        }

        private String row(int n, Handle h, Ctx c, int idx) {
            boolean write = c.kind != Kind.PIN && c.write;
            return (n != origin ? "remote" : "origin") + ", handle " + h.flags() + ", new " + (c.kind == Kind.SERVE ? "remote" : "local")
                    + " " + (write ? "write" : "read") + " -> " + actionBits(FhAction.get(idx));
        }

        private void faultStep(int n, NodeState ns, FaultStep fs) {
            int pid = fs.pid();
            Source src = fs.source();
            String cite = cite(src);
            switch (fs.step()) {
                case REPLICATED -> {
                    long page = fs.addr();
                    Ctx c = find(ns, pid, page);
                    if (c == null) {
                        fact(page, n, pid, src, fs.timeNs(), "replicated " + fs.detail() + " (no open fault of [" + pid + "])",
                                model(Action.StartFaultHandling), null, null, null);
                        return;
                    }
                    touch(ns, c, cite);
                    boolean mine = "mine".equals(fs.detail());
                    if (fs.value() != null && fs.value() == 1L) {
                        newHandle(ns, n, c, c.kind == Kind.SERVE, c.write, cite);
                        c.notMine = !mine;
                        fact(page, n, pid, src, fs.timeNs(), "leader, replicated " + fs.detail(),
                                model(Action.StartFaultHandling, mine ? Action.ClaimLocalPage : Action.ClaimRemotePage),
                                null, null, "__start_fault_handling: leader of a new " + (c.write ? "L - W" : "L - R")
                                        + " handle; page " + (mine ? "mine -> __claim_local_page" : "not mine -> __claim_remote_page"));
                    } else {
                        hold(ns, c);
                        c.notMine = !mine;
                        fact(page, n, pid, src, fs.timeNs(), "follower, replicated " + fs.detail(),
                                model(Action.StartFaultHandling), null, null, null);
                    }
                }
                case HANDLE_LEADER, HANDLE_FOLLOWER -> {
                    long page = fs.addr();
                    Ctx c = find(ns, pid, page);
                    if (c == null) {
                        fact(page, n, pid, src, fs.timeNs(), (fs.step() == FaultStep.Step.HANDLE_LEADER ? "=" : "-")
                                + "[" + pid + "] (no open context)", model(Action.StartFaultHandling), null, null, null);
                        return;
                    }
                    touch(ns, c, cite);
                    Handle h = ns.handles.get(page);
                    if (c.kind == Kind.INVALIDATE) {
                        if (c.queue != null) wake(ns, c);
                        if (h == null) newInvalidationHandle(ns, n, c, cite);
                        fact(page, n, pid, src, fs.timeNs(), "=[" + pid + "] the invalidation proceeds", model(Action.InvalidateApply),
                                null, null, "__do_invalidate_page: no local fault left on the page (or it just finished); the PTE is invalidated");
                    } else if (c.queue != null) {
                        wake(ns, c);
                        fact(page, n, pid, src, fs.timeNs(), "woke up on the handle", model(Action.StartFaultHandling),
                                null, null, c.kind == Kind.INVALIDATE ? "the invalidation proceeds" : null);
                        if (c.kind == Kind.INVALIDATE && h == null) newInvalidationHandle(ns, n, c, cite);
                    } else if (h == null && fs.step() == FaultStep.Step.HANDLE_LEADER) {
                        if (c.kind == Kind.INVALIDATE) {
                            newInvalidationHandle(ns, n, c, cite);
                            fact(page, n, pid, src, fs.timeNs(), "leader of the invalidation", model(Action.InvalidateStart), null, null, null);
                        } else {
                            newHandle(ns, n, c, c.kind == Kind.SERVE, c.write, cite);
                            fact(page, n, pid, src, fs.timeNs(), "leader", model(Action.StartFaultHandling), null, null,
                                    "__start_fault_handling: leader of a new " + (c.kind == Kind.SERVE ? "R" : "L") + " - "
                                            + (c.write ? "W" : "R") + " handle");
                        }
                    } else if (h != null) {
                        int i = idx(n, h, c);
                        idxCount(n, i);
                        hold(ns, c);
                        fact(page, n, pid, src, fs.timeNs(), "follower", model(Action.StartFaultHandling), i, row(n, h, c, i), null);
                    } else {
                        fact(page, n, pid, src, fs.timeNs(), "follower (handle not in the logs)", model(Action.StartFaultHandling), null, null, null);
                    }
                }
                case HANDLE_SLEEP -> {
                    long page = fs.addr();
                    Ctx c = find(ns, pid, page);
                    boolean newPin = false;
                    if (c == null) {
                        // Only page_server_get_userpage takes a handle with no fault or request line of its own.
                        c = new Ctx(Kind.PIN, n, pid, page, false, 0, 0, null, cite, seq);
                        ns.pins.computeIfAbsent(pid, k -> new HashMap<>()).put(page, c);
                        evidence(n, pid, page, cite + " ' +[" + pid + "]' follower with no fault or request of [" + pid + "] open");
                        newPin = true;
                    }
                    touch(ns, c, cite);
                    Handle h = ns.handles.get(page);
                    Integer i = null;
                    String r = null;
                    if (h != null && c.kind != Kind.INVALIDATE) {
                        i = idx(n, h, c);
                        r = row(n, h, c, i);
                        idxCount(n, i);
                    } else if (h == null) {
                        h = invisible(ns, n, page, cite);
                    }
                    if (c.kind == Kind.INVALIDATE) {
                        sleep(h, c, "waits", cite, null);
                        fact(page, n, pid, src, fs.timeNs(), "+[" + pid + "] the invalidation sleeps until the handle's last user leaves",
                                model(Action.InvalidateStart), null, null, "__start_invalidation (no fh_action row: invalidations do not look it up)");
                        return;
                    }
                    hold(ns, c);
                    sleep(h, c, "waits", cite, i);
                    List<String> m = newPin ? model(Action.FutexWaitStart, Action.PageServerGetUserpage) : model(Action.StartFaultHandling);
                    fact(page, n, pid, src, fs.timeNs(), "+[" + pid + "] sleeps on the handle's waits queue", m, i, r,
                            newPin ? "no fault or request of [" + pid + "] is open on this page: a futex pin following the handle"
                                    + " (page_server_get_userpage takes a handle silently)" : null);
                }
                case HANDLE_LEAVE, HANDLE_DONE -> {
                    long page = fs.addr();
                    boolean last = fs.step() == FaultStep.Step.HANDLE_DONE;
                    Ctx c = find(ns, pid, page);
                    List<String> m;
                    String note = null;
                    if (c == null) {
                        c = new Ctx(Kind.PIN, n, pid, page, false, 0, 0, null, cite, seq);
                        c.silent = true;
                        evidence(n, pid, page, cite + " '" + (last ? ">>" : " >") + "[" + pid + "]' with no fault or request of ["
                                + pid + "] open: a pin released (the pin itself logs nothing when the page is mine)");
                        m = model(Action.PageServerPutUserpage, Action.FinishFaultHandling);
                        note = "no context of [" + pid + "] open on this page: page_server_put_userpage of a silent pin";
                    } else if (c.kind == Kind.PIN) {
                        m = model(Action.PageServerPutUserpage, Action.FinishFaultHandling);
                        note = "the pin is released";
                    } else {
                        m = model(Action.FinishFaultHandling);
                    }
                    touch(ns, c, cite);
                    Handle h = ns.handles.get(page);
                    if (h != null) h.holders.remove(c);
                    c.holds = false;
                    if (c.kind == Kind.FAULT || c.kind == Kind.PIN) endCtx(ns, c, (last ? ">>" : " >") + " at " + cite);
                    int woken = 0;
                    Ctx inval = null;
                    if (last && h != null && h.inv) {
                        for (Ctx s : h.sleepers) if (s.kind == Kind.INVALIDATE) inval = s;
                    }
                    if (inval != null) {
                        // __finish_fault_handling completes the waiting invalidation instead of unhashing
                        wake(ns, inval);
                        note = (note == null ? "" : note + "; ") + "completes the invalidation waiting on it ("
                                + inval.began + "): the handle stays hashed with INVALIDATE until __finish_invalidation";
                    } else if (last && h != null) {
                        ns.handles.remove(page);
                        for (Ctx s : new ArrayList<>(h.sleepers)) {
                            if (s == c) continue;
                            woken++;
                            wake(ns, s);
                        }
                        for (Ctx o : h.holders) o.holds = false;
                    }
                    String ev = !last ? ">[" + pid + "] left the handle, others remain"
                            : inval != null ? ">>[" + pid + "] last user left: the waiting invalidation goes on" : ">>[" + pid + "] last user left: handle unhashed";
                    if (woken > 0) ev += ", wakes " + woken + " sleeper(s)";
                    fact(page, n, pid, src, fs.timeNs(), ev, m, null, null, note);
                }
                case ORIGIN_DECISION -> {
                    Ctx c = lastServe(ns, pid);
                    if (c == null) return;
                    touch(ns, c, cite);
                    // no "origin" among the owners: the page is at another remote, the worker claims it from there
                    c.notMine = !fs.detail().contains("origin");
                    if (ns.handles.get(c.page) == null) newHandle(ns, n, c, true, c.write, cite);
                    else hold(ns, c);
                    fact(c.page, n, pid, src, fs.timeNs(), "=[" + pid + "] " + fs.detail(),
                            model(Action.ServeAtOriginStart, Action.ServeAtOriginDecide), null, null,
                            "worker is leader of an R - " + (c.write ? "W" : "R") + " handle; owners: " + fs.detail());
                }
                case INVALIDATION_WAIT -> {
                    Ctx c = lastOf(ns.invals, pid);
                    if (c == null) return;
                    touch(ns, c, cite);
                    Handle h = ns.handles.get(c.page);
                    if (h != null) h.inv = true;
                    fact(c.page, n, pid, src, fs.timeNs(), fs.detail() + " ongoing, wait", model(Action.InvalidateStart), null, null,
                            "the invalidation marks the handle INVALIDATE and waits for it" + (h == null ? " (handle not in the logs)" : " (now " + h.flags() + ")"));
                }
                case WAITS, LOCKED_RETRY -> {
                    Ctx c = ns.last.get(pid);
                    if (c == null || c.ended && fs.step() == FaultStep.Step.WAITS) {
                        problems.add(cite + ": '" + (fs.step() == FaultStep.Step.WAITS ? "waits" : "locked. retry")
                                + "' of [" + pid + "] with no open context");
                        return;
                    }
                    touch(ns, c, cite);
                    Handle h = ns.handles.get(c.page);
                    Integer i = null;
                    String r = null;
                    if (h != null && h.visible) {
                        i = idx(n, h, c);
                        r = row(n, h, c, i);
                        idxCount(n, i);
                    }
                    boolean waits = fs.step() == FaultStep.Step.WAITS;
                    String check = i == null ? "handle not in the logs"
                            : (waits ? FhAction.has(FhAction.get(i), FhAction.WAIT) && FhAction.has(FhAction.get(i), FhAction.RETRY)
                            : FhAction.has(FhAction.get(i), FhAction.RETRY) && !FhAction.has(FhAction.get(i), FhAction.WAIT)
                            || FhAction.has(FhAction.get(i), FhAction.DELAY)) ? "row agrees with the line" : "ROW DISAGREES with the line";
                    if (waits) {
                        if (h == null) h = invisible(ns, n, c.page, cite);
                        sleep(h, c, "waits_retry", cite, i);
                        boolean self = !h.holders.isEmpty() && h.holders.stream().allMatch(x -> x.pid == pid);
                        String note = "out_wait_retry: pendings_retry++, uninterruptible sleep on waits_retry until the handle is unhashed; "
                                + check + (self ? "; the only holder of this handle is [" + pid + "] itself (" + holders(h) + ")" : "")
                                + (h.visible ? "" : "; no holder of this handle appears in the logs");
                        fact(c.page, n, pid, src, fs.timeNs(), "[" + pid + "] waits", model(Action.StartFaultHandling), i, r, note);
                    } else {
                        String note = (c.kind == Kind.SERVE ? "the worker answers VM_FAULT_RETRY at once" : "the fault returns VM_FAULT_RETRY")
                                + "; " + check;
                        fact(c.page, n, pid, src, fs.timeNs(), "[" + pid + "] locked. retry",
                                c.kind == Kind.SERVE ? model(Action.ServeAtOriginStart) : model(Action.StartFaultHandling), i, r, note);
                        if (c.kind == Kind.FAULT) endCtx(ns, c, "RETRY at " + cite);
                    }
                }
                case BACKOFF -> {
                    Ctx c = ns.fault.get(pid);
                    if (c == null) return;
                    fact(c.page, n, pid, src, fs.timeNs(), "[" + pid + "] backoff " + fs.value(), model(Action.BackoffRetry), null, null, null);
                }
                case ZAP -> fact(fs.addr() & PAGE_MASK, n, pid, src, fs.timeNs(), "zap", model(n == origin ? Action.ZapOrigin : Action.ZapRemote), null, null, null);
                case PANIC -> kernelProblems.add(cite + ": page_server_panic " + (fs.detail() == null ? "" : fs.detail()));
                default -> {
                    Ctx c = ns.last.get(pid);
                    if (c == null || c.ended) return;
                    touch(ns, c, cite);
                    fact(c.page, n, pid, src, fs.timeNs(), fs.step().name().toLowerCase().replace('_', ' ')
                            + (fs.value() != null ? " 0x" + hex(fs.value()) : ""), List.of(), null, null, null);
                }
            }
        }

        private void idxCount(int n, int i) {
            idxCounts.merge("idx " + i + (n == origin ? " (origin)" : " (remote)"), 1L, Long::sum);
        }

        private static String holders(Handle h) {
            List<String> l = new ArrayList<>();
            for (Ctx c : h.holders) l.add(c.describe());
            return String.join(", ", l);
        }

        private Handle invisible(NodeState ns, int n, long page, String cite) {
            Handle h = new Handle(n, page, null, false, false, false, cite);
            ns.handles.put(page, h);
            return h;
        }

        private void newInvalidationHandle(NodeState ns, int n, Ctx c, String cite) {
            Handle h = new Handle(n, c.page, c, false, false, true, cite);
            h.inv = true;
            ns.handles.put(c.page, h);
        }

        private void hold(NodeState ns, Ctx c) {
            Handle h = ns.handles.get(c.page);
            if (h != null && !h.holders.contains(c)) h.holders.add(c);
            c.holds = true;
        }

        private void sleep(Handle h, Ctx c, String queue, String cite, Integer idx) {
            c.queue = queue;
            c.sleepCite = cite;
            c.sleepIdx = idx;
            if (!h.sleepers.contains(c)) h.sleepers.add(c);
        }

        private void wake(NodeState ns, Ctx c) {
            Handle h = ns.handles.get(c.page);
            if (h != null) h.sleepers.remove(c);
            c.queue = null;
        }

        private void touch(NodeState ns, Ctx c, String cite) {
            ns.last.put(c.pid, c);
            c.lastCite = cite;
        }

        private void endCtx(NodeState ns, Ctx c, String how) {
            c.ended = true;
            c.end = how;
            Handle h = ns.handles.get(c.page);
            if (h != null) {
                h.sleepers.remove(c);
                h.holders.remove(c);
                if (!h.visible && h.holders.isEmpty() && h.sleepers.isEmpty()) ns.handles.remove(c.page);
            }
            c.queue = null;
            if (c.kind == Kind.PIN) {
                Map<Long, Ctx> p = ns.pins.get(c.pid);
                if (p != null && p.get(c.page) == c) p.remove(c.page);
            }
        }

        private static Ctx lastOf(Map<Integer, ArrayDeque<Ctx>> m, int pid) {
            ArrayDeque<Ctx> d = m.get(pid);
            if (d == null) return null;
            for (Ctx c : d) if (!c.ended) return c;
            return null;
        }

        private Ctx lastServe(NodeState ns, int pid) {
            Ctx l = ns.last.get(pid);
            if (l != null && l.kind == Kind.SERVE && !l.ended) return l;
            return lastOf(ns.serves, pid);
        }

        private void push(Map<Integer, ArrayDeque<Ctx>> m, Ctx c) {
            ArrayDeque<Ctx> d = m.computeIfAbsent(c.pid, k -> new ArrayDeque<>());
            d.removeIf(x -> x.ended);
            d.addFirst(c);
        }

        private void evidence(int n, int pid, long page, String what) {
            pinEvidence.computeIfAbsent(new Key4(n, pid, page, 0), k -> new ArrayList<>()).add(what);
        }

        private void logged(int n, NodeState ns, LoggedMessage lm) {
            int pid = lm.pid();
            Source src = lm.source();
            String cite = cite(src);
            Peer peer = lm.peer();
            switch (lm.type()) {
                case REMOTE_PAGE_REQUEST -> {
                    long page = lm.addr() & PAGE_MASK;
                    if (lm.direction() == Direction.RECEIVED) {
                        boolean w = Boolean.TRUE.equals(lm.write());
                        Ctx c = new Ctx(Kind.SERVE, n, pid, page, w, lm.instrAddr(), 0, peer, cite, seq);
                        actingFor.put(List.of(n, pid, peer.nid()), peer.pid());
                        ArrayDeque<Ctx> d = ns.serves.get(pid);
                        if (d != null) for (Ctx x : new ArrayList<>(d)) {
                            // a requester has one fault at a time: its new request supersedes (e.g. re-handled after 'waits')
                            if (!x.ended && peer.equals(x.peer)) endCtx(ns, x, "superseded by the next request of " + peer + " at " + cite);
                        }
                        push(ns.serves, c);
                        touch(ns, c, cite);
                        actor(n, pid, src).served++;
                        fact(page, n, pid, src, lm.timeNs(), "REMOTE_PAGE_REQUEST " + (w ? "W" : "R") + " ip " + hex(lm.instrAddr())
                                + " from " + peer, n == origin ? model(Action.Deliver, Action.HandlePteFaultOrigin)
                                : model(Action.Deliver, Action.ServeAtRemote), null, null,
                                n == origin ? "process_remote_page_request at the origin, worker acting as [" + pid + "]"
                                        : "the remote worker [" + pid + "] serves the origin's claim");
                        return;
                    }
                    List<Long> key = List.of((long) n, (long) peer.nid(), page, lm.instrAddr());
                    long occ = claimOcc.merge(key, 1L, Long::sum);
                    Ctx f = ns.fault.get(pid);
                    Ctx c;
                    List<String> m;
                    String note;
                    if (f != null && !f.ended && f.page == page && !f.claimed && (f.notMine || n != origin)) {
                        c = f;
                        m = n == origin ? model(Action.ClaimRemotePage) : model(Action.FetchPageFromOrigin);
                        note = n == origin ? "__claim_remote_page: REMOTE_PAGE_REQUEST to " + peer : "__request_remote_page to the origin";
                    } else {
                        Ctx s = null;
                        ArrayDeque<Ctx> d = ns.serves.get(pid);
                        if (d != null) for (Ctx x : d) if (!x.ended && x.page == page && x.notMine && !x.claimed) {
                            s = x;
                            break;
                        }
                        if (s != null) {
                            c = s;
                            m = model(Action.ServeAtOriginClaimRemote);
                            note = "the origin worker claims the page from its owner " + peer;
                        } else {
                            c = new Ctx(Kind.PIN, n, pid, page, false, lm.instrAddr(), 0, null, cite, seq);
                            ns.pins.computeIfAbsent(pid, k -> new HashMap<>()).put(page, c);
                            Handle old = ns.handles.get(page);
                            newHandle(ns, n, c, false, false, cite);
                            pinClaims.put(List.of((long) n, (long) peer.nid(), page, lm.instrAddr(), occ), c);
                            evidence(n, pid, page, cite + " claim '->" + peer + "' with no fault of [" + pid + "] open on the page");
                            m = model(Action.FutexWaitStart, Action.PageServerGetUserpage, Action.ClaimRemotePage);
                            note = "a claim with no '## PAGEFAULT [" + pid + "]' open on this page: only page_server_get_userpage (the futex pin)"
                                    + " claims without a fault; it leads a new L - R handle (fault_flags 0)"
                                    + (old != null ? "; a handle was still open in the logs (" + old.since + "): its end was not logged" : "");
                        }
                    }
                    c.claimed = true;
                    c.awaiting = true;
                    touch(ns, c, cite);
                    fact(page, n, pid, src, lm.timeNs(), "->" + peer + " ip " + hex(lm.instrAddr()), m, null, null, note);
                }
                case REMOTE_PAGE_RESPONSE, REMOTE_PAGE_RESPONSE_SHORT -> {
                    int result = lm.result() == null ? -1 : lm.result();
                    if (lm.direction() == Direction.RECEIVED) {
                        long page = lm.addr() & PAGE_MASK;
                        Ctx c = find(ns, pid, page);
                        if (c != null) {
                            c.awaiting = false;
                            touch(ns, c, cite);
                        }
                        if (result == VM_FAULT_RETRY) storm(n, pid, page).requester++;
                        List<String> m;
                        String note = resultText(result);
                        if (result == 0 && c != null) lastCopy.put(new Key4(n, 0, page, 0), cite + " (" + c.describe() + ")");
                        if (c != null && c.kind == Kind.PIN && result == 0) {
                            m = model(Action.Deliver, Action.MakePteValid, Action.FutexPinned);
                            note += "; __make_pte_valid (read-only); the pin holds the handle until page_server_put_userpage";
                        } else if (n == origin) {
                            m = model(Action.Deliver, Action.MakePteValid);
                        } else {
                            m = model(Action.Deliver, Action.RemoteFaultComplete);
                            if (result == VM_FAULT_RETRY) note += ": the fault will back off and retry";
                        }
                        fact(page, n, pid, src, lm.timeNs(), "<-" + peer + " result 0x" + Integer.toHexString(result), m, null, null, note);
                    } else {
                        Ctx c = null;
                        ArrayDeque<Ctx> d = ns.serves.get(pid);
                        if (d != null) for (Ctx x : d) if (!x.ended && peer.equals(x.peer)) {
                            c = x;
                            break;
                        }
                        if (c == null) return;
                        if (result == VM_FAULT_RETRY) storm(peer.nid(), peer.pid(), c.page).server++;
                        endCtx(ns, c, "answered 0x" + Integer.toHexString(result) + " at " + cite);
                        fact(c.page, n, pid, src, lm.timeNs(), "->" + peer + " result 0x" + Integer.toHexString(result),
                                n == origin && result != VM_FAULT_RETRY ? model(Action.ServeAtOriginUpdate, Action.PostResponse)
                                        : model(Action.PostResponse), null, null, resultText(result));
                    }
                }
                case PAGE_INVALIDATE_REQUEST -> {
                    long page = lm.addr() & PAGE_MASK;
                    if (lm.direction() == Direction.SENT) {
                        Ctx c = find(ns, pid, page);
                        if (c != null) touch(ns, c, cite);
                        fact(page, n, pid, src, lm.timeNs(), "revoke " + peer, model(Action.ClaimLocalPage), null, null,
                                "__claim_local_page revokes " + peer + "'s copy: PAGE_INVALIDATE_REQUEST");
                    } else {
                        Ctx c = new Ctx(Kind.INVALIDATE, n, pid, page, true, 0, 0, peer, cite, seq);
                        push(ns.invals, c);
                        touch(ns, c, cite);
                        fact(page, n, pid, src, lm.timeNs(), "INVALIDATE_PAGE from " + peer, model(Action.Deliver, Action.InvalidateStart),
                                null, null, null);
                    }
                }
                case PAGE_INVALIDATE_RESPONSE -> {
                    Ctx c = null;
                    ArrayDeque<Ctx> d = ns.invals.get(pid);
                    if (d != null) for (Ctx x : d) if (!x.ended && peer.equals(x.peer)) {
                        c = x;
                        break;
                    }
                    if (c == null) return;
                    Handle h = ns.handles.get(c.page);
                    int woken = 0;
                    if (h != null && (h.leader == c || h.inv)) {
                        // __finish_invalidation unhashes the handle and wakes whoever waits on it
                        ns.handles.remove(c.page);
                        for (Ctx s : new ArrayList<>(h.sleepers)) {
                            woken++;
                            wake(ns, s);
                        }
                    }
                    endCtx(ns, c, "acknowledged at " + cite);
                    fact(c.page, n, pid, src, lm.timeNs(), ">>[" + pid + "] ->" + peer + " (invalidation acknowledged"
                                    + (woken > 0 ? ", wakes " + woken + " sleeper(s)" : "") + ")",
                            model(Action.InvalidateApply, Action.PostResponse), null, null, null);
                }
                default -> { }
            }
        }

        // ---- the wire

        void wire(int n, MessageEvent e) {
            if (e.message() == null) return;
            Integer to = to(n, e);
            int from = e.fromNid();
            int dst = to == null ? -1 : to;
            String cite = cite(e.source());
            long frame = e.source().frame() == null ? 0 : e.source().frame();
            switch (e.message()) {
                case RemotePageRequest r -> {
                    long page = r.addr() & PAGE_MASK;
                    storm(from, r.originPid(), page).requests++;
                    List<Long> key = List.of((long) from, (long) dst, page, r.instrAddr());
                    long occ = wireOcc.merge(key, 1L, Long::sum);
                    Ctx pin = pinClaims.get(List.of((long) from, (long) dst, page, r.instrAddr(), occ));
                    if (pin != null) pin.frame = cite;
                    boolean flags0 = r.faultFlags() == 0;
                    if (flags0) {
                        evidence(from, r.originPid(), page, cite + " REMOTE_PAGE_REQUEST with fault_flags 0x0");
                        wirePinFrame.put(new Key4(from, 0, page, 0), frame);
                    }
                    outstanding.put(List.of(0L, (long) from, (long) r.originWs()), new Outstanding("REMOTE_PAGE_REQUEST", from, dst,
                            r.originPid(), page, (r.isWrite() ? "W" : "R") + " flags 0x" + hex(r.faultFlags()), cite, frame));
                    fact(page, from, r.originPid(), e.source(), e.timeNs(), "REMOTE_PAGE_REQUEST [" + r.originPid() + "/" + from + "] -> node "
                                    + dst + " " + (r.isWrite() ? "W" : "R") + " flags 0x" + hex(r.faultFlags()) + " ip " + hex(r.instrAddr()),
                            flags0 ? model(Action.PageServerGetUserpage, Action.ClaimRemotePage) : model(Action.Deliver), null, null,
                            flags0 ? "fault_flags 0: only page_server_get_userpage (the futex pin) sends 0" : null);
                }
                case RemotePageResponse r -> response(e, dst, r.originPid(), r.originWs(), r.addr(), r.result(), cite);
                case RemotePageResponseShort r -> response(e, dst, r.originPid(), r.originWs(), r.addr(), r.result(), cite);
                case PageInvalidateRequest r -> outstanding.put(List.of(1L, (long) from, (long) r.originWs()),
                        new Outstanding("PAGE_INVALIDATE_REQUEST", from, dst, r.originPid(), r.addr() & PAGE_MASK, null, cite, frame));
                case PageInvalidateResponse r -> outstanding.remove(List.of(1L, (long) dst, (long) r.originWs()));
                case RemoteFutexRequest r -> {
                    int op = r.op();
                    int cmd = op & 0x7f;
                    boolean shared = (op & 0x80) == 0;
                    String what = (cmd == 0 ? "WAIT" : cmd == 9 ? "WAIT_BITSET" : cmd == 1 ? "WAKE" : "op " + cmd) + (shared ? "" : "|PRIVATE");
                    outstanding.put(List.of(2L, (long) from, (long) r.remoteWs()), new Outstanding("FUTEX_REQUEST", from, dst,
                            r.originPid(), r.uaddr(), what + " (op 0x" + Integer.toHexString(op) + ")", cite, frame));
                    fact(r.uaddr() & PAGE_MASK, from, r.originPid(), e.source(), e.timeNs(), "FUTEX_REQUEST " + what + " uaddr "
                                    + hex(r.uaddr()) + " for home task [" + r.originPid() + "/" + dst + "]",
                            (cmd == 0 || cmd == 9) ? model(Action.FutexWaitStart) : List.of(), null, null,
                            "process_server_do_futex_at_remote: the home task runs do_futex at the origin");
                }
                case RemoteFutexResponse r -> {
                    Outstanding o = outstanding.remove(List.of(2L, (long) dst, (long) r.remoteWs()));
                    if (o != null && o.addr() != null) {
                        fact(o.addr() & PAGE_MASK, from, o.pid(), e.source(), e.timeNs(), "FUTEX_RESPONSE ret " + r.ret() + " to node " + dst,
                                model(Action.PageServerPutUserpage), null, null, "the forwarded futex op returned");
                    }
                }
                default -> { }
            }
        }

        private void response(MessageEvent e, int dst, int originPid, int originWs, long addr, int result, String cite) {
            long page = addr & PAGE_MASK;
            outstanding.remove(List.of(0L, (long) dst, (long) originWs));
            if (result == VM_FAULT_RETRY) {
                Storm s = storm(dst, originPid, page);
                s.wire++;
                Long pinFrame = wirePinFrame.get(new Key4(e.fromNid(), 0, page, 0));
                if (pinFrame != null && e.source().frame() != null && e.source().frame() > pinFrame) {
                    s.afterPin++;
                    s.pinSeen = true;
                }
            }
            fact(page, e.fromNid(), null, e.source(), e.timeNs(), e.type() + " -> [" + originPid + "/" + dst + "] result 0x"
                    + Integer.toHexString(result), model(Action.PostResponse, Action.Deliver), null, null, resultText(result));
        }

        // ---- program.out.txt

        private void readProgram() {
            Path p = files.program();
            if (p == null) {
                read.add(new FileRead(null, "program", null, false, null, null));
                return;
            }
            Pattern st = Pattern.compile("^# exit status: (.*)$");
            String text = null;
            try (BufferedReader r = Lines.open(p)) {
                String l;
                while ((l = r.readLine()) != null) {
                    Matcher m = st.matcher(l.strip());
                    if (m.matches()) text = m.group(1);
                }
            } catch (IOException e) {
                problems.add(p + ": " + e.getMessage());
            }
            Integer code = null;
            if (text != null && text.matches("\\d{1,3}")) code = Integer.valueOf(text);
            program = new Program(p.toString(), code, text);
            read.add(new FileRead(null, "program", p.toString(), true, null, null));
        }

        // ---- end of the recording

        private void endOfRecording() {
            for (var en : nodes.entrySet()) {
                int n = en.getKey();
                NodeState ns = en.getValue();
                for (Ctx c : ns.fault.values()) {
                    if (c.ended) continue;
                    Key4 k = new Key4(n, c.pid, c.page, faultKey(c.write, c.ip));
                    long ends = ftraceEnds.getOrDefault(k, 0L);
                    if (ftraceNodes.contains(n) && ends >= begins.getOrDefault(k, 0L) && c.queue == null) {
                        endCtx(ns, c, "ended per ftrace (pgfault event; no end line in dmesg)");
                    }
                }
                for (Ctx c : ns.fault.values()) if (!c.ended) allOpenAtEnd.add(c);
                for (Map<Long, Ctx> m : ns.pins.values()) for (Ctx c : m.values()) if (!c.ended) allOpenAtEnd.add(c);
                for (ArrayDeque<Ctx> d : ns.serves.values()) for (Ctx c : d) if (!c.ended) allOpenAtEnd.add(c);
                for (ArrayDeque<Ctx> d : ns.invals.values()) for (Ctx c : d) if (!c.ended) allOpenAtEnd.add(c);
                for (Handle h : ns.handles.values()) for (Ctx s : h.sleepers) if (!allOpenAtEnd.contains(s)) allOpenAtEnd.add(s);
            }
            ftraceServedRetries.forEach((k, v) -> {
                Integer req = actingFor.get(List.of(k.node(), k.pid(), (int) k.extra()));
                storm((int) k.extra(), req != null ? req : k.pid(), k.page()).ftrace += v;
            });
            allOpenAtEnd.sort(Comparator.comparingInt((Ctx c) -> c.node).thenComparingLong(c -> c.seq));
            for (BlockedTask b : blocked) {
                ActorB a = actor(b.node(), b.tid(), null);
                if (a.first == null) a.first = b.cite();
                a.end = "blocked (" + b.state() + "): " + b.stackClass().description + (b.afterSigkill() ? ", still after SIGKILL" : "")
                        + " (" + b.cite() + ")";
            }
            for (Ctx c : allOpenAtEnd) {
                ActorB a = actor(c.node, c.pid, null);
                if (a.first == null) a.first = c.began;
                String s = c.queue != null ? "sleeps on " + c.queue + " of fh(" + hex(c.page) + ") since " + c.sleepCite
                        : c.holds ? "holds fh(" + hex(c.page) + ") (" + c.kind.name().toLowerCase() + " since " + c.began + ")" : null;
                if (s != null) a.end = a.end == null ? s : a.end + "; " + s;
            }
        }

        // ---- results

        List<Long> relevantPages() {
            for (Ctx c : allOpenAtEnd) {
                if (c.queue != null) why.putIfAbsent(c.page, "a context sleeps on its handle at the end");
            }
            for (NodeState ns : nodes.values()) for (Handle h : ns.handles.values()) why.putIfAbsent(h.page, "a fault handle is still open at the end");
            for (Ctx c : allOpenAtEnd) {
                if (c.kind != Kind.FAULT) why.putIfAbsent(c.page, "a " + c.kind.name().toLowerCase() + " context is open at the end");
            }
            for (Outstanding o : outstanding.values()) {
                if (o.addr() != null) why.putIfAbsent(o.addr() & PAGE_MASK, o.type() + " without a response");
            }
            if (why.isEmpty()) {
                pageActivity.entrySet().stream().max(Comparator.comparingLong((Map.Entry<Long, Long> en) -> en.getValue())
                        .thenComparing(en -> -en.getKey())).ifPresent(en -> why.put(en.getKey(),
                        "nothing is left open: the busiest page (" + en.getValue() + " events)"));
            }
            List<Long> l = new ArrayList<>(why.keySet());
            return l.size() > MAX_PAGES ? l.subList(0, MAX_PAGES) : l;
        }

        Explanation result(List<Long> pages, Map<Long, String> why, Function<String, ModelRef> models) {
            List<PageHistory> hist = new ArrayList<>();
            for (long p : pages) {
                PageFacts pf = facts.get(p);
                List<RawFact> raw = new ArrayList<>();
                long omitted = 0;
                if (pf != null) {
                    raw.addAll(pf.kept);
                    raw.addAll(pf.tail.values());
                    omitted = pf.omitted;
                }
                raw.sort(Comparator.comparingInt(RawFact::group).thenComparingLong(r -> r.group() == 1000 ? 0 : r.time())
                        .thenComparingLong(RawFact::order));
                hist.add(new PageHistory(p, why.getOrDefault(p, ""), raw.stream().map(RawFact::fact).toList(), omitted));
            }
            List<OpenHandle> handles = new ArrayList<>();
            List<Sleeper> sleepers = new ArrayList<>();
            for (var en : nodes.entrySet()) {
                for (Handle h : en.getValue().handles.values()) {
                    List<String> hs = h.holders.stream().map(Ctx::describe).toList();
                    List<Sleeper> ss = h.sleepers.stream().map(this::sleeper).toList();
                    handles.add(new OpenHandle(h.node, h.page, h.visible ? h.flags() : "unknown (no holder in the logs)",
                            h.leader == null ? null : h.leader.describe(), hs, ss, h.since));
                    sleepers.addAll(ss);
                }
            }
            List<OpenContext> open = new ArrayList<>();
            for (Ctx c : allOpenAtEnd) {
                String state = c.queue != null ? "sleeps on " + c.queue + " (" + c.sleepCite + ")"
                        : c.awaiting ? "waits for the answer to its request (last line " + c.lastCite + ")"
                        : c.holds ? "holds the handle (last line " + c.lastCite + ")" : "no end line (last line " + c.lastCite + ")";
                open.add(new OpenContext(c.node, c.pid, c.kind.name().toLowerCase(), c.page, c.began, state));
            }
            List<MessageWait> waits = outstanding.values().stream()
                    .map(o -> new MessageWait(o.type(), o.from(), o.to(), o.pid(), o.addr(), o.detail(), o.cite())).toList();
            List<RetryStorm> st = new ArrayList<>();
            storms.forEach((k, s) -> {
                if (s.wire + s.server + s.requester + s.ftrace > 0) {
                    st.add(new RetryStorm(k.node(), k.pid(), k.page(), s.wire, s.requests, s.pinSeen ? s.afterPin : null,
                            s.server, s.requester, s.ftrace));
                }
            });
            st.sort(Comparator.comparingLong((RetryStorm r) -> -(r.wireRetries() + r.serverLogRetries())));
            EndState end = new EndState(handles, sleepers, open, waits, st, List.copyOf(blocked));
            List<Actor> acts = new ArrayList<>();
            Set<Long> shownPids = new TreeSet<>();
            for (Ctx c : allOpenAtEnd) shownPids.add(((long) c.node << 32) | c.pid);
            for (ActorB a : actors.values()) {
                if (a.roles.isEmpty()) a.roles.add(a.node == origin ? "task at the origin" : "task at node " + a.node);
                boolean show = !a.roles.isEmpty() || a.end != null || shownPids.contains(((long) a.node << 32) | a.pid);
                if (!show) continue;
                if (a.roles.isEmpty()) a.roles.add(a.node == origin ? "task at the origin" : "task at node " + a.node);
                acts.add(new Actor(a.node, a.pid, List.copyOf(a.roles), a.peer, a.faults, a.served, a.first,
                        a.end == null ? "no end in the logs" : a.end));
            }
            acts.sort(Comparator.comparingInt(Actor::node).thenComparingInt(Actor::pid));
            Verdict v = verdict(end, models);
            List<Integer> ns = new ArrayList<>(files.nodes());
            return new Explanation(files.dir().toString(), ns, origin, originBasis, read, problems, program, acts, hist, end, v);
        }

        private Sleeper sleeper(Ctx c) {
            return new Sleeper(c.node, c.pid, c.page, c.queue, c.describe(), c.sleepCite);
        }

        // ---- the verdict

        private Verdict verdict(EndState end, Function<String, ModelRef> models) {
            // FP1: a context holds the pin of P and sleeps on waits_retry of P's handle at the same node, never woken.
            for (Ctx c : allOpenAtEnd) {
                if (c.kind != Kind.FAULT || !"waits_retry".equals(c.queue)) continue;
                NodeState ns = nodes.get(c.node);
                Handle h = ns.handles.get(c.page);
                if (h == null) continue;
                boolean onlySelf = h.holders.stream().allMatch(x -> x.pid == c.pid);
                Key4 k = new Key4(c.node, c.pid, c.page, 0);
                List<String> ev = new ArrayList<>(pinEvidence.getOrDefault(k, List.of()));
                Outstanding fwd = forwardedWait(c);
                if (fwd != null) ev.add(fwd.cite() + " FUTEX_REQUEST " + fwd.detail() + " uaddr " + hex(fwd.addr()) + " from node "
                        + fwd.from() + " for [" + c.pid + "], no FUTEX_RESPONSE");
                BlockedTask bt = blockedTask(c.node, c.pid);
                if (bt != null && bt.stackClass() == StackClass.PINNED_FUTEX_FAULT) ev.add(bt.cite() + " kernel stack: " + bt.stackClass().description);
                Ctx pin = ns.pins.getOrDefault(c.pid, Map.of()).get(c.page);
                if (!onlySelf || ev.isEmpty() && pin == null) continue;
                return fp1(c, h, pin, ev, fwd, bt, end, models);
            }
            // exited by itself: a numeric status below 128 (128+n is a kill by signal n, e.g. the timeout's SIGTERM)
            boolean exited = program != null && program.exitStatus() != null && program.exitStatus() < 128;
            List<String> loose = new ArrayList<>();
            for (Sleeper s : end.sleepers()) loose.add(s.context() + " sleeps on " + s.queue() + " since " + s.cite());
            for (OpenContext o : end.openContexts()) if (!o.state().startsWith("sleeps")) loose.add(o.kind() + " of [" + o.pid()
                    + "] at node " + o.node() + " on " + hex(o.page()) + " (" + o.began() + "): " + o.state());
            for (MessageWait w : end.messageWaits()) loose.add(w.type() + " " + w.from() + "->" + w.to() + " of [" + w.pid() + "] "
                    + (w.addr() == null ? "" : hex(w.addr()) + " ") + "(" + w.cite() + ") unanswered");
            boolean anyBlocked = blocked.stream().anyMatch(b -> b.stackClass() != StackClass.KERNEL_THREAD);
            if (exited && !anyBlocked) {
                List<String> ev = new ArrayList<>();
                ev.add(program.file() + ": exit status " + program.exitStatus()
                        + (program.exitStatus() != 0 ? " (the program's own failure status, not a kill)" : ""));
                ev.add(pageFaults + " page faults, " + migrations + " migrations, " + exits + " task exits in the logs");
                if (loose.isEmpty()) ev.add("every fault, request and invalidation in the logs ended; no handle is left open");
                else {
                    ev.add("loose ends in the logs (" + loose.size() + "), none blocking the exit:");
                    ev.addAll(loose.subList(0, Math.min(loose.size(), 10)));
                }
                return new Verdict("completed", "completed", null, "the program exited with status " + program.exitStatus()
                        + (loose.isEmpty() ? " and every fault ended" : "; " + loose.size() + " loose end(s) listed"), ev, null);
            }
            boolean noDmesg = files.dmesg().isEmpty();
            // hang.txt shows a page-server wait the dmesg does not: the log is truncated or lacks the debug lines.
            for (BlockedTask b : blocked) {
                if (b.stackClass() != StackClass.PINNED_FUTEX_FAULT && b.stackClass() != StackClass.PAGE_FAULT_WAIT) continue;
                boolean seen = allOpenAtEnd.stream().anyMatch(c -> c.node == b.node() && c.pid == b.tid() && c.kind == Kind.FAULT);
                if (!seen) {
                    List<String> ev = new ArrayList<>();
                    ev.add(b.cite() + ": [" + b.tid() + "] " + b.state() + ", " + b.stackClass().description);
                    Path d = files.dmesg().get(b.node());
                    ev.add((d == null ? "node" + b.node() + ".dmesg.txt: missing" : d + ": no open fault of [" + b.tid() + "] at its end")
                            + " (log truncated, or the page-server debug lines are off)");
                    return new Verdict("incomplete", "incomplete recording", null,
                            "a task is blocked in the page server but its fault is not in the kernel log", ev, null);
                }
            }
            if (noDmesg || program == null && blocked.isEmpty() && files.hang().isEmpty()) {
                List<String> ev = new ArrayList<>();
                for (FileRead f : read) if (!f.present()) ev.add((f.node() == null ? "" : "node " + f.node() + ": ") + f.kind() + " missing");
                if (program == null) ev.add("no program.out.txt: the program's end is unknown");
                return new Verdict("incomplete", "incomplete recording", null, "not enough files to decide", ev, null);
            }
            return other(end, loose);
        }

        private Outstanding forwardedWait(Ctx c) {
            for (Outstanding o : outstanding.values()) {
                if (!o.type().equals("FUTEX_REQUEST") || o.to() != c.node || o.pid() != c.pid || o.addr() == null) continue;
                if ((o.addr() & PAGE_MASK) == c.page && o.detail().startsWith("WAIT") && !o.detail().contains("PRIVATE")) return o;
            }
            return null;
        }

        private BlockedTask blockedTask(int node, int pid) {
            for (BlockedTask b : blocked) if (b.node() == node && b.tid() == pid) return b;
            return null;
        }

        private Verdict fp1(Ctx c, Handle h, Ctx pin, List<String> pinEv, Outstanding fwd, BlockedTask bt, EndState end,
                            Function<String, ModelRef> models) {
            String P = "0x" + hex(c.page);
            boolean home = fwd != null || homeTasks.getOrDefault(c.node, Set.of()).contains(c.pid);
            boolean claimed = pin != null && !pin.silent;
            String variant = home ? "forwarded" : claimed ? "origin" : "readcopy";
            List<String> ev = new ArrayList<>();
            if (pin != null && !pin.silent) {
                ev.add("pin: " + pin.began + " [" + c.pid + "] claims " + P + " with no fault of its own open = page_server_get_userpage"
                        + " (leader of a new L - R handle, fault_flags 0)" + (pin.frame != null ? "; on the wire: " + pin.frame
                        + " REMOTE_PAGE_REQUEST with fault_flags 0x0" : ""));
            }
            for (String s : pinEv) {
                boolean same = pin != null && (s.startsWith(pin.began + " claim") || pin.frame != null && s.startsWith(pin.frame + " "));
                if (!same) ev.add("pin evidence: " + s);
            }
            ev.add("handle: fh(" + P + ") at node " + c.node + ", " + (h.visible ? h.flags() : "holder not in the logs")
                    + ", holders: " + (h.holders.isEmpty() ? "none visible" : holders(h)));
            ev.add("fault: " + c.began + " ## PAGEFAULT [" + c.pid + "] " + P + " " + (c.write ? "W" : "R") + " ip " + hex(c.ip)
                    + " flags 0x" + hex(c.flags) + (c.gup ? " (kernel gup fault: get_futex_key's get_user_pages_fast(FOLL_WRITE))" : ""));
            if (!h.visible) {
                // the holder logs nothing: page_server_get_userpage of a page the node already had (fault_flags 0: L - R)
                Handle silent = new Handle(c.node, c.page, null, false, false, true, null);
                int i = idx(c.node, silent, c);
                String copy = lastCopy.get(new Key4(c.node, 0, c.page, 0));
                ev.add("silent pin (inferred): no holder of fh(" + P + ") is in the logs; page_server_get_userpage logs nothing when the page"
                        + " is already the node's" + (copy != null ? " (it got its copy at " + copy + ")" : "") + "; its handle would be L - R,"
                        + " so the row is fh_action idx " + i + " (" + row(c.node, silent, c, i) + ")");
            }
            ev.add("self-wait: " + c.sleepCite + " [" + c.pid + "] waits = out_wait_retry on waits_retry of fh(" + P + ")"
                    + (c.sleepIdx != null ? ", fh_action idx " + c.sleepIdx + " (" + row(c.node, h, c, c.sleepIdx) + ")" : "")
                    + "; the handle is unhashed only when its last holder leaves, and that holder is [" + c.pid + "] itself"
                    + (h.visible ? "" : " (by the inference above)"));
            ev.add("no finish: no '>>[" + c.pid + "] " + hex(c.page) + "' or ' >[" + c.pid + "]' after " + c.sleepCite
                    + ", no later fault of [" + c.pid + "] at node " + c.node
                    + (ftraceNodes.contains(c.node) ? ", no pgfault end of this fault in node" + c.node + ".ftrace.txt" : ""));
            long retries = 0;
            for (RetryStorm s : end.retryStorms()) {
                if (s.page() != c.page) continue;
                retries += s.afterPin() != null ? s.afterPin() : s.wireRetries();
                ev.add("refused: [" + s.pid() + "/" + s.node() + "] got " + (s.afterPin() != null ? s.afterPin() + " RETRY (0x400) answers after the pin on the wire ("
                        + s.wireRetries() + " in the whole capture)" : s.wireRetries() + " RETRY (0x400) answers on the wire")
                        + "; " + s.serverLogRetries() + " '->[" + s.pid() + "/" + s.node() + "] 400' lines, " + s.requesterLogRetries()
                        + " '<- ... 400' lines at the requester, " + s.ftraceRetries() + " pgfault result 1024 events");
            }
            String idxs = idxCounts.entrySet().stream().filter(en -> en.getKey().startsWith("idx 3 ") || en.getKey().startsWith("idx 1 "))
                    .map(en -> en.getKey() + " x" + en.getValue()).reduce((a, b) -> a + ", " + b).orElse(null);
            if (idxs != null) ev.add("fh_action rows of remote requests meeting origin L - R handles in the whole run: " + idxs);
            if (bt != null) ev.add("hang: " + bt.cite() + " [" + bt.tid() + "] state " + bt.state() + ", " + bt.stackClass().description
                    + (bt.afterSigkill() ? "; still there after SIGKILL" : ""));
            for (MessageWait w : end.messageWaits()) {
                if (w.addr() != null && (w.addr() & PAGE_MASK) == c.page) ev.add("unanswered: " + w.type() + " " + w.from() + "->" + w.to()
                        + " of [" + w.pid() + "] " + (w.detail() == null ? "" : w.detail() + " ") + "(" + w.cite() + ")");
            }
            // what the hang did next (hung-task reports, an oops of the waiting remote after its 300 s station timeout)
            for (String k : kernelProblems.subList(0, Math.min(kernelProblems.size(), 12))) ev.add("kernel report: " + k);
            // the forwarded variant has its own counterexample: the home task runs the pinned wait
            String cfg = home ? "MCPageProtocol_FP1_fwd.cfg" : "MCPageProtocol_FP1.cfg";
            ModelRef m = models != null ? models.apply(cfg) : null;
            if (m == null) m = new ModelRef(cfg, "./pcn check pages --config " + cfg, "NoSelfWaitInv", null);
            String who = home ? "home task [" + c.pid + "] (running a forwarded futex wait)" : "[" + c.pid + "]";
            String summary = who + " at node " + c.node + " holds the futex pin of page " + P + " and sleeps on waits_retry of that page's"
                    + " fault handle, which only it can release" + (retries > 0 ? "; remote requests for the page were refused " + retries
                    + " times (RETRY)" : "");
            return new Verdict("hang-fp1", "hang: FP1 futex-pin self-wait", variant, summary, ev, m);
        }

        private Verdict other(EndState end, List<String> loose) {
            List<String> ev = new ArrayList<>();
            if (program != null) ev.add(program.file() + ": exit status " + (program.exitText() == null ? "missing" : program.exitText())
                    + (program.exitStatus() != null && program.exitStatus() > 128 ? " (killed by signal " + (program.exitStatus() - 128) + ")" : ""));
            for (BlockedTask b : blocked) {
                if (b.stackClass() == StackClass.KERNEL_THREAD) continue;
                ev.add("blocked: " + b.cite() + " [" + b.tid() + "] at node " + b.node() + " state " + b.state() + ", " + b.stackClass().description
                        + (b.afterSigkill() ? ", still after SIGKILL" : ""));
            }
            ev.addAll(loose.subList(0, Math.min(loose.size(), 12)));
            for (RetryStorm s : end.retryStorms()) {
                if (s.wireRetries() + s.serverLogRetries() >= 10) ev.add("retry storm: [" + s.pid() + "/" + s.node() + "] on " + hex(s.page())
                        + ": " + s.wireRetries() + " RETRY answers on the wire, " + s.serverLogRetries() + " in the server's log");
            }
            ev.add(pageFaults + " page faults, " + migrations + " migrations, " + exits + " task exits in the logs");
            for (String k : kernelProblems) ev.add("kernel report: " + k);
            String summary;
            if (migrations == 0 && pageFaults == 0) {
                summary = "no thread was ever migrated and no page fault reached the page server: nothing of Popcorn is blocked in the logs;"
                        + " the program did not finish" + (program != null && program.exitStatus() != null && program.exitStatus() > 128
                        ? " and was killed (signal " + (program.exitStatus() - 128) + ")" : "")
                        + ". The cause is before or outside the distributed part (e.g. thread creation failing in user space)";
            } else if (loose.isEmpty() && blocked.isEmpty()) {
                summary = "the program did not exit normally, but the logs show nothing blocked";
            } else {
                summary = "the program did not finish; blocked: " + (loose.isEmpty() ? "see the kernel stacks" : loose.getFirst())
                        + "; no futex-pin self-wait (no context sleeps on a handle only it holds)";
            }
            return new Verdict("hang-other", "hang: other", null, summary, ev, null);
        }
    }

    /** FAULT_FLAG_WRITE, as pcnref.kmsg names it. */
    private static final class PageKmsgFlags {
        static final long WRITE = pcnref.kmsg.PageKmsg.FAULT_FLAG_WRITE;
    }
}
