package pcnref.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pcnref.canon.CValue;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SymbolNode;
import tlc2.tool.Action;
import tlc2.tool.ITool;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.value.IValue;
import tlc2.value.impl.Value;
import util.SimpleFilenameToStream;
import util.ToolIO;
import util.UniqueString;

/**
 * A TLA+ spec loaded through TLC's Java API ({@link FastTool}), seen as a labelled state graph:
 * initial states, and for each state its successors under each action of the next-state relation
 * (TLC splits {@code Next} into {@link Action}s, one per disjunct and per binding of {@code \E}),
 * with every state converted to canonical form ({@link TlcValues}).
 *
 * <p>A label is the action's operator name plus the values bound to its formal parameters in the
 * action's context, e.g. {@code Send(n1, n2)} for the disjunct {@code \E f, t \in Nodes : Send(f, t)}.
 * Several TLC actions may carry one label (a disjunction inside an action body): their successors
 * are united. Successors that violate a state CONSTRAINT or an ACTION_CONSTRAINT are dropped,
 * exactly as TLC does before counting distinct states.
 *
 * <p>TLC keeps global static state (the variables of {@link TLCState}, model values, the unique
 * string table), so one spec is loaded at a time per JVM: {@link #load} replaces the previous one,
 * and an instance whose spec was replaced refuses to work.
 */
public final class TlcStateSpace {

    private static TlcStateSpace current;

    private final ITool tool;
    private final String name;
    private final Action[] actions;
    private final LabelMaker[] labels;
    private final UniqueString[] varNames;

    /** One successor of a TLC state. */
    public record Successor(Label label, TLCState state, CValue canonical) {}

    private TlcStateSpace(ITool tool, String name) {
        this.tool = tool;
        this.name = name;
        this.actions = tool.getActions();
        this.labels = new LabelMaker[actions.length];
        for (int i = 0; i < actions.length; i++) labels[i] = LabelMaker.of(actions[i]);
        var vars = TLCState.vars; // set by the tool's constructor
        this.varNames = new UniqueString[vars.length];
        for (int i = 0; i < vars.length; i++) varNames[i] = vars[i].getName();
    }

    /**
     * Loads {@code module}.tla of {@code specDir} with the model {@code cfg} (a file name in
     * {@code specDir}). Errors (parse, semantic, config) become one-line {@link IllegalArgumentException}s
     * naming the file.
     */
    public static synchronized TlcStateSpace load(Path specDir, String module, String cfg) {
        Path dir = specDir.toAbsolutePath().normalize();
        Path tla = dir.resolve(module + ".tla");
        Path cfgFile = dir.resolve(cfg);
        if (!Files.isRegularFile(tla)) throw new IllegalArgumentException(tla + ": no such spec");
        if (!Files.isRegularFile(cfgFile)) throw new IllegalArgumentException(cfgFile + ": no such config");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(log, true, StandardCharsets.UTF_8);
        PrintStream oldOut = ToolIO.out, oldErr = ToolIO.err;
        ToolIO.out = quiet;
        ToolIO.err = quiet;
        try {
            ToolIO.reset();
            ToolIO.setUserDir(dir.toString());
            SimpleFilenameToStream resolver = new SimpleFilenameToStream(dir.toString());
            ToolIO.setDefaultResolver(resolver);
            String cfgBase = cfg.endsWith(".cfg") ? cfg.substring(0, cfg.length() - 4) : cfg;
            FastTool t = new FastTool(dir.toString(), module, dir.resolve(cfgBase).toString(), resolver);
            TlcStateSpace s = new TlcStateSpace(t, module + "/" + cfg);
            current = s;
            return s;
        } catch (RuntimeException | Error e) {
            String msg = log.toString(StandardCharsets.UTF_8).strip();
            String lastLines = msg.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
            throw new IllegalArgumentException(cfgFile + ": TLC could not load the spec: "
                    + (e.getMessage() != null ? e.getMessage().lines().findFirst().orElse("") : e.toString())
                    + (lastLines.isEmpty() ? "" : " (" + lastLines + ")"), e);
        } finally {
            ToolIO.out = oldOut;
            ToolIO.err = oldErr;
        }
    }

    private void checkCurrent() {
        if (current != this) throw new IllegalStateException(name + ": another spec was loaded since (TLC holds one spec per JVM)");
    }

    public String name() { return name; }

    /** The tool itself, for callers that need more of TLC. */
    public ITool tool() { return tool; }

    /** Initial states that satisfy the state constraints. */
    public List<TLCState> initStates() {
        checkCurrent();
        StateVec v = tool.getInitStates();
        List<TLCState> l = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            TLCState s = v.elementAt(i);
            if (tool.isInModel(s)) l.add(s);
        }
        return l;
    }

    /** All successors of {@code s}, with the label of the action that produced each. */
    public List<Successor> successors(TLCState s) {
        checkCurrent();
        List<Successor> out = new ArrayList<>();
        for (int a = 0; a < actions.length; a++) {
            StateVec v = tool.getNextStates(actions[a], s);
            if (v.size() == 0) continue;
            Label label = labels[a].label(tool, s);
            for (int i = 0; i < v.size(); i++) {
                TLCState t = v.elementAt(i);
                if (!tool.isInModel(t) || !tool.isInActions(s, t)) continue;
                out.add(new Successor(label, t, canonical(t)));
            }
        }
        return out;
    }

    /** Successors of {@code s} under the actions labelled {@code label} only. */
    public List<Successor> successors(TLCState s, Label label) {
        checkCurrent();
        List<Successor> out = new ArrayList<>();
        for (int a = 0; a < actions.length; a++) {
            if (!labels[a].mayBe(label)) continue;
            StateVec v = tool.getNextStates(actions[a], s);
            if (v.size() == 0 || !labels[a].label(tool, s).equals(label)) continue;
            for (int i = 0; i < v.size(); i++) {
                TLCState t = v.elementAt(i);
                if (!tool.isInModel(t) || !tool.isInActions(s, t)) continue;
                out.add(new Successor(label, t, canonical(t)));
            }
        }
        return out;
    }

    /** The state as the record of the spec's variables. */
    public CValue canonical(TLCState s) {
        Map<UniqueString, IValue> vals = s.getVals();
        TreeMap<String, CValue> m = new TreeMap<>();
        for (UniqueString v : varNames) m.put(v.toString(), TlcValues.toCanonical((Value) vals.get(v)));
        return CValue.rec(m);
    }

    /** The names TLC's actions carry (one per disjunct of Next, before parameters). */
    public List<String> actionNames() {
        List<String> l = new ArrayList<>();
        for (LabelMaker m : labels) if (!l.contains(m.name)) l.add(m.name);
        return l;
    }

    /**
     * The reachable graph by BFS, TLC's way (constraints applied), up to {@code maxStates} distinct
     * states (the graph is marked truncated past that).
     */
    public StateGraph explore(long maxStates) {
        checkCurrent();
        StateGraph g = new StateGraph();
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        for (TLCState s : initStates()) {
            CValue c = canonical(s);
            int before = g.size();
            int i = g.add(c, -1, null);
            if (i == before) queue.add(new Object[] {i, s});
        }
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            int from = (Integer) e[0];
            for (Successor succ : successors((TLCState) e[1])) {
                int before = g.size();
                if (before >= maxStates && g.indexOf(succ.canonical()) < 0) {
                    g.markTruncated();
                    continue;
                }
                int to = g.add(succ.canonical(), from, succ.label());
                g.addEdge(from, succ.label(), to);
                if (to == before) queue.add(new Object[] {to, succ.state()});
            }
        }
        return g;
    }

    /** Computes an action's label: its operator's name and the values of its formal parameters. */
    private record LabelMaker(String name, FormalParamNode[] formals, Context con,
                              ExprOrOpArgNode[] stateArgs, Label fixed) {

        static LabelMaker of(Action a) {
            OpDefNode def = a.getOpDef();
            if (a.pred instanceof OpApplNode app && app.getOperator() instanceof OpDefNode op
                    && app.getArgs().length > 0 && op.getBody() != null) {
                // TLC kept A(args) whole (its arguments depend on the state): evaluate them per state.
                return new LabelMaker(op.getName().toString(), null, a.con, app.getArgs(), null);
            }
            if (def == null) return new LabelMaker("Next", null, a.con, null, new Label("Next", List.of()));
            FormalParamNode[] formals = def.getParams();
            List<CValue> args = new ArrayList<>();
            for (FormalParamNode f : formals) {
                Object v = a.con.lookup(f);
                if (!(v instanceof Value val)) {
                    return new LabelMaker(def.getName().toString(), formals, a.con, null, null);
                }
                args.add(TlcValues.toCanonical(val));
            }
            String n = def.getName().toString();
            return new LabelMaker(n, formals, a.con, null, new Label(n, args));
        }

        boolean mayBe(Label l) {
            return name.equals(l.action());
        }

        Label label(ITool tool, TLCState s) {
            if (fixed != null) return fixed;
            List<CValue> args = new ArrayList<>();
            if (stateArgs != null) {
                for (ExprOrOpArgNode arg : stateArgs) args.add(TlcValues.toCanonical((Value) tool.eval(arg, con, s)));
            } else {
                for (SymbolNode f : formals) {
                    Object v = con.lookup(f);
                    args.add(v instanceof Value val ? TlcValues.toCanonical(val) : CValue.str("?" + f.getName()));
                }
            }
            return new Label(name, args);
        }
    }
}
