package pcnref.trace.explain;

import java.util.List;
import pcnref.trace.explain.Explanation.Actor;
import pcnref.trace.explain.Explanation.Fact;
import pcnref.trace.explain.Explanation.FileRead;
import pcnref.trace.explain.Explanation.MessageWait;
import pcnref.trace.explain.Explanation.OpenContext;
import pcnref.trace.explain.Explanation.OpenHandle;
import pcnref.trace.explain.Explanation.PageHistory;
import pcnref.trace.explain.Explanation.RetryStorm;
import pcnref.trace.explain.Explanation.Sleeper;
import pcnref.trace.explain.HangStacks.BlockedTask;

/** The readable report of {@code ./pcn explain}: files, actors, page histories, end state, verdict. */
public final class ExplainText {
    private static final int MAX_ROWS = 15;

    private ExplainText() {
    }

    public static String render(Explanation x) {
        StringBuilder b = new StringBuilder();
        b.append("run ").append(x.run()).append(": nodes ").append(x.nodes()).append(", origin node ").append(x.origin())
                .append(" (").append(x.originBasis()).append(")\n");
        b.append("citations: nNd:L = line L of nodeN.dmesg.txt (nNc: console), nNf = nodeN.ftrace.txt, nNh = nodeN.hang.txt,"
                + " frame F = node0.pcap (nNp frame F: nodeN.pcap)\n");
        for (FileRead f : x.files()) {
            if (!f.present()) b.append("  missing: ").append(f.node() == null ? "" : "node " + f.node() + " ").append(f.kind()).append('\n');
        }
        for (String p : x.problems()) b.append("  note: ").append(p).append('\n');
        b.append('\n');

        b.append("== verdict: ").append(x.verdict().title()).append(x.verdict().variant() == null ? "" : " (" + x.verdict().variant() + ")")
                .append('\n').append("  ").append(x.verdict().summary()).append('\n');
        for (String e : x.verdict().evidence()) b.append("  - ").append(e).append('\n');
        if (x.verdict().model() != null) {
            var m = x.verdict().model();
            b.append("  model: ").append(m.command()).append(m.violated() == null ? "" : " -> " + m.violated())
                    .append(m.depth() == null ? "" : " at depth " + m.depth()).append('\n');
        }
        b.append('\n');

        b.append("== actors\n");
        b.append(String.format("  %-4s %-6s %-7s %-6s %-10s %s%n", "node", "pid", "faults", "served", "first", "role / end"));
        for (Actor a : x.actors()) {
            b.append(String.format("  %-4d %-6d %-7d %-6d %-10s %s%n", a.node(), a.pid(), a.faults(), a.served(),
                    a.first() == null ? "" : a.first(), String.join("; ", a.roles())));
            b.append(String.format("  %-36s end: %s%n", "", a.end()));
        }
        b.append('\n');

        for (PageHistory p : x.pages()) {
            b.append("== page ").append(Long.toHexString(p.page())).append(": ").append(p.why())
                    .append(" (each node in its own log order; node clocks are not aligned)\n");
            Integer group = null;
            for (Fact f : p.facts()) {
                int g = f.cite().contains("frame") ? 1000 : f.node();
                if (group == null || g != group) {
                    b.append(g == 1000 ? "  -- wire\n" : "  -- node " + g + "\n");
                    group = g;
                }
                b.append(String.format("  %-16s %-7s %s%n", f.cite(), f.pid() == null ? "" : "[" + f.pid() + "]", f.event()));
                StringBuilder m = new StringBuilder();
                if (!f.model().isEmpty()) m.append(String.join(", ", f.model()));
                if (f.fhIdx() != null) m.append(m.isEmpty() ? "" : "; ").append("fh_action idx ").append(f.fhIdx()).append(" (").append(f.fhRow()).append(')');
                if (f.note() != null) m.append(m.isEmpty() ? "" : "; ").append(f.note());
                if (!m.isEmpty()) b.append(String.format("  %-24s = %s%n", "", m));
            }
            if (p.omitted() > 0) b.append("  (").append(p.omitted()).append(" repeated events not shown: first 3 and last of each kept; --all-events shows all)\n");
            b.append('\n');
        }

        var e = x.endState();
        b.append("== end of the recording\n");
        b.append("  open fault handles: ").append(e.handles().size()).append('\n');
        for (OpenHandle h : e.handles()) {
            b.append("    node ").append(h.node()).append(" fh(").append(Long.toHexString(h.page())).append(") ").append(h.flags())
                    .append(" since ").append(h.since()).append("; holders: ").append(h.holders().isEmpty() ? "none visible" : String.join(", ", h.holders()))
                    .append('\n');
        }
        b.append("  sleepers: ").append(e.sleepers().size()).append('\n');
        for (Sleeper s : e.sleepers()) b.append("    node ").append(s.node()).append(" [").append(s.pid()).append("] on ")
                .append(s.queue()).append(" of fh(").append(Long.toHexString(s.page())).append(") since ").append(s.cite()).append('\n');
        b.append("  open contexts: ").append(e.openContexts().size()).append('\n');
        rows(b, e.openContexts(), o -> "node " + o.node() + " [" + o.pid() + "] " + o.kind() + " " + Long.toHexString(o.page())
                + " since " + o.began() + ": " + o.state());
        b.append("  requests without a response: ").append(e.messageWaits().size()).append('\n');
        rows(b, e.messageWaits(), w -> w.type() + " " + w.from() + "->" + w.to() + " [" + w.pid() + "]"
                + (w.addr() == null ? "" : " " + Long.toHexString(w.addr())) + (w.detail() == null ? "" : " " + w.detail()) + " (" + w.cite() + ")");
        b.append("  RETRY answers (requester, page: wire / after pin / server log / requester log / ftrace): ").append(e.retryStorms().size()).append('\n');
        rows(b, e.retryStorms(), s -> "[" + s.pid() + "/" + s.node() + "] " + Long.toHexString(s.page()) + ": " + s.wireRetries() + " / "
                + (s.afterPin() == null ? "-" : s.afterPin()) + " / " + s.serverLogRetries() + " / " + s.requesterLogRetries() + " / "
                + s.ftraceRetries() + " (" + s.wireRequests() + " requests on the wire)");
        b.append("  blocked tasks (hang.txt): ").append(e.blockedTasks().size()).append('\n');
        for (BlockedTask t : e.blockedTasks()) {
            b.append("    node ").append(t.node()).append(" [").append(t.tid()).append("] ").append(t.state()).append(' ')
                    .append(t.stackClass().name()).append(t.afterSigkill() ? " (after SIGKILL)" : "").append(" (").append(t.cite()).append("): ")
                    .append(String.join(" <- ", t.stack().subList(0, Math.min(6, t.stack().size())))).append(t.stack().size() > 6 ? " ..." : "")
                    .append('\n');
        }
        return b.toString();
    }

    private static <T> void rows(StringBuilder b, List<T> l, java.util.function.Function<T, String> f) {
        for (int i = 0; i < l.size() && i < MAX_ROWS; i++) b.append("    ").append(f.apply(l.get(i))).append('\n');
        if (l.size() > MAX_ROWS) b.append("    ... ").append(l.size() - MAX_ROWS).append(" more (--json has all)\n");
    }
}
