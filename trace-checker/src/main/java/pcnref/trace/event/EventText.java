package pcnref.trace.event;

import java.lang.reflect.RecordComponent;
import pcnref.kmsg.FixedString;
import pcnref.kmsg.PageContents;
import pcnref.kmsg.PcnKmsg;
import pcnref.trace.Times;

/** One readable table row per event: time, node, direction, type, key fields. */
public final class EventText {
    /** Longest "key fields" cell; longer ones end in "...". */
    public static final int MAX_FIELDS = 160;

    private EventText() {
    }

    public static String header() {
        return String.format("%-17s %-4s %-3s %-28s %s", "time", "node", "dir", "type", "fields");
    }

    public static String row(TraceEvent e) {
        String time = Times.format(e.timeNs()) + (e.clock() == Clock.CAPTURE ? "c" : "");
        String node = e.node() == null ? "?" : "n" + e.node();
        String dir = switch (e) {
            case MessageEvent m -> arrow(m.direction());
            case LoggedMessage l -> arrow(l.direction());
            default -> "";
        };
        String type = switch (e) {
            case MessageEvent m -> m.type() == null ? "type " + m.typeByte() : m.type().name();
            case LoggedMessage l -> l.type().name() + " (log)";
            case PgFault p -> Boolean.TRUE.equals(p.served()) ? "pgfault (served)" : "pgfault";
            case PgFaultStat s -> "pgfault_stat";
            case FaultBegin f -> "PAGEFAULT";
            case FaultStep s -> "fault " + s.step();
            case VmaEvent v -> "vma " + v.step();
            case Migration m -> m.step().name();
            case TaskExit t -> t.step().name();
            case NodeSetup n -> "node " + n.step();
            case KernelProblem k -> "kernel " + k.what();
        };
        String fields = switch (e) {
            case MessageEvent m -> "from " + m.fromNid() + " size " + m.size() + " " + kmsg(m.message());
            case LoggedMessage l -> "pid " + l.pid() + " peer " + l.peer() + opt(" addr ", hex(l.addr()))
                    + opt(" ip ", hex(l.instrAddr())) + opt(" result ", l.result() == null ? null : Integer.toHexString(l.result()))
                    + (l.write() == null ? "" : l.write() ? " W" : " R");
            case PgFault p -> p.task() + "-" + p.taskPid() + " nid " + p.nid() + " pid " + p.pid() + " " + p.rw()
                    + " ip " + hex(p.instrAddr()) + " addr " + hex(p.addr()) + " result " + p.result();
            case PgFaultStat s -> s.task() + "-" + s.taskPid() + " ip " + hex(s.instrAddr()) + " addr " + hex(s.addr())
                    + " result " + s.result() + " retries " + s.retries() + " ns " + s.timeUs();
            case FaultBegin f -> "pid " + f.pid() + " " + f.rw() + " addr " + hex(f.addr()) + " ip " + hex(f.instrAddr())
                    + " flags " + hex(f.faultFlags()) + " pte " + hex(f.pteFlags());
            case FaultStep s -> "pid " + s.pid() + opt(" addr ", hex(s.addr())) + opt(" ", s.detail())
                    + opt(" value ", s.value() == null ? null : s.value().toString()) + opt(" fh ", s.handle());
            case VmaEvent v -> "pid " + v.pid() + opt(" ", v.op()) + opt(" peer ", v.peer() == null ? null : v.peer().toString())
                    + (v.values().isEmpty() ? "" : " " + String.join(" ", v.values().stream().map(EventText::hex).toList()))
                    + opt(" ret ", v.ret() == null ? null : v.ret().toString()) + opt(" ", v.text());
            case Migration m -> "pid " + m.pid() + opt(" to ", m.nid() == null ? null : m.nid().toString())
                    + opt(" as ", m.self() == null ? null : m.self().toString())
                    + opt(" peer ", m.peer() == null ? null : m.peer().toString()) + opt(" ", m.text())
                    + (m.values().isEmpty() ? "" : " " + String.join(" ", m.values().stream().map(EventText::hex).toList()));
            case TaskExit t -> "pid " + t.pid() + opt(" nid ", t.nid() == null ? null : t.nid().toString())
                    + opt(" ", t.where()) + " code " + t.exitCode();
            case NodeSetup n -> (n.nid() == null ? "" : "nid " + n.nid()) + opt(" ", n.ip()) + opt(" ", n.text());
            case KernelProblem k -> k.text();
        };
        fields = fields.strip();
        if (fields.length() > MAX_FIELDS) fields = fields.substring(0, MAX_FIELDS - 3) + "...";
        return String.format("%-17s %-4s %-3s %-28s %s", time, node, dir, type, fields);
    }

    private static String arrow(Direction d) {
        return d == null ? "" : d == Direction.SENT ? "->" : "<-";
    }

    private static String opt(String label, String v) {
        return v == null ? "" : label + v;
    }

    private static String hex(Long v) {
        return v == null ? null : Long.toHexString(v);
    }

    /** A message record's scalar components as name=value (addresses and flags in hex). */
    static String kmsg(PcnKmsg m) {
        if (m == null) return "(undecoded)";
        StringBuilder sb = new StringBuilder();
        for (RecordComponent c : m.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(m);
            } catch (ReflectiveOperationException ex) {
                continue;
            }
            String name = c.getName();
            String s = switch (v) {
                case Long l when name.toLowerCase().contains("addr") || name.toLowerCase().contains("flags")
                        || name.startsWith("vm") -> "0x" + Long.toHexString(l);
                case Number n -> n.toString();
                case FixedString f -> f.text();
                case PageContents.Bytes b -> "<page>";
                case PageContents p -> p.toString();
                case Enum<?> en -> en.name();
                default -> null;
            };
            if (s == null) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(name).append('=').append(s);
        }
        return sb.toString();
    }
}
