package pcnref.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pcnref.canon.CValue;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDeclNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SymbolNode;
import tla2sany.semantic.SemanticNode;
import tlc2.tool.Action;
import tlc2.tool.BuiltInOPs;
import tlc2.tool.EvalControl;
import tlc2.tool.IContextEnumerator;
import tlc2.tool.ToolGlobals;
import tlc2.tool.ITool;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.util.FP64;
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

    /** One successor of a TLC state (canonical form null where the caller did not need it). */
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
            FP64.Init(0); // the fingerprint tables TLC's value fingerprints need (TLC itself does this at start-up)
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
        collect(s, out, true);
        return out;
    }

    /** Successors into {@code out}; their canonical form only if {@code canon} (else null). */
    private void collect(TLCState s, List<Successor> out, boolean canon) {
        for (int a = 0; a < actions.length; a++) {
            LabelMaker lm = labels[a];
            if (lm.dynamic()) {
                expand(actions[a].pred, actions[a].con, lm.name(), s, out, canon);
            } else {
                addSuccessors(actions[a], null, s, out, canon);
            }
        }
    }

    /** Successors of {@code s} under the actions labelled {@code label} only. */
    public List<Successor> successors(TLCState s, Label label) {
        List<Successor> out = new ArrayList<>();
        for (Successor x : successors(s)) if (x.label().equals(label)) out.add(x);
        return out;
    }

    private void addSuccessors(Action action, Label known, TLCState s, List<Successor> out, boolean canon) {
        StateVec v = tool.getNextStates(action, s);
        if (v.size() == 0) return;
        Label label = known != null ? known : labelOf(action, s);
        for (int i = 0; i < v.size(); i++) {
            TLCState t = v.elementAt(i);
            if (!tool.isInModel(t) || !tool.isInActions(s, t)) continue;
            out.add(new Successor(label, t, canon ? canonical(t) : null));
        }
    }

    private Label labelOf(Action action, TLCState s) {
        for (int a = 0; a < actions.length; a++) if (actions[a] == action) return labels[a].label(tool, s);
        throw new IllegalStateException("unknown action " + action);
    }

    /**
     * An action TLC could not split when it loaded the spec, because a bound of {@code \E} depends
     * on the state (e.g. {@code \E w \in pool[n] : PostResponse(n, w)}): split it in state {@code s},
     * down to the application of the action operator, whose arguments (evaluated in {@code s}) are the label.
     */
    private void expand(SemanticNode pred, Context con, String enclosing, TLCState s, List<Successor> out, boolean canon) {
        if (pred instanceof OpApplNode app) {
            SymbolNode op = app.getOperator();
            int opcode = BuiltInOPs.getOpCode(op.getName());
            if (opcode == ToolGlobals.OPCODE_be) {
                IContextEnumerator e = tool.contexts(app, con, s, TLCState.Empty, EvalControl.Clear);
                for (Context c = e.nextElement(); c != null; c = e.nextElement()) expand(app.getArgs()[0], c, enclosing, s, out, canon);
                return;
            }
            if (opcode == ToolGlobals.OPCODE_dl || opcode == ToolGlobals.OPCODE_lor) {
                for (ExprOrOpArgNode arg : app.getArgs()) expand(arg, con, enclosing, s, out, canon);
                return;
            }
            if (opcode == 0 && op instanceof OpDefNode def && def.getBody() != null) {
                List<CValue> args = new ArrayList<>();
                for (ExprOrOpArgNode arg : app.getArgs()) args.add(TlcValues.toCanonical((Value) tool.eval(arg, con, s)));
                addSuccessors(new Action(app, con, def), new Label(def.getName().toString(), args), s, out, canon);
                return;
            }
        }
        addSuccessors(new Action(pred, con), new Label(enclosing, List.of()), s, out, canon);
    }

    /** The state as the record of the spec's variables. */
    public CValue canonical(TLCState s) {
        TreeMap<String, CValue> m = new TreeMap<>();
        for (UniqueString v : varNames) m.put(v.toString(), TlcValues.toCanonical((Value) s.lookup(v)));
        return CValue.rec(m);
    }

    /**
     * A 64-bit fingerprint of the variables' values, TLC's own value fingerprints folded in variable
     * order. Unlike {@link TLCState#fingerPrint()} it never applies SYMMETRY: states are told apart as
     * the canonical form tells them apart. Used to skip converting states already seen.
     */
    long fingerprint(TLCState s) {
        long fp = FP64.New();
        for (UniqueString v : varNames) fp = ((Value) s.lookup(v)).fingerPrint(fp);
        return fp;
    }

    /**
     * The value TLC gives a CONSTANT of the spec under this cfg (after {@code =} and {@code <-}
     * substitutions), in canonical form: what the reference must be configured with.
     */
    public CValue constant(String name) {
        checkCurrent();
        for (OpDeclNode d : tool.getRootModule().getConstantDecls()) {
            if (!d.getName().toString().equals(name)) continue;
            Object v = tool.lookup(d, Context.Empty, false);
            if (v instanceof OpDefNode def) v = tool.eval(def.getBody(), Context.Empty, TLCState.Empty);
            if (v instanceof Value val) return TlcValues.toCanonical(val);
            throw new IllegalArgumentException(name + ": the cfg gives this constant no value TLC can evaluate");
        }
        throw new IllegalArgumentException(name + ": no such CONSTANT in " + tool.getRootName());
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
        LongIntHashMap seen = new LongIntHashMap();
        ArrayDeque<TLCState> queue = new ArrayDeque<>();
        ArrayDeque<Integer> queueIndex = new ArrayDeque<>();
        for (TLCState s : initStates()) {
            int before = g.size();
            int i = g.add(canonical(s), -1, null);
            seen.put(fingerprint(s), i);
            if (i == before) {
                queue.add(s);
                queueIndex.add(i);
            }
        }
        List<Successor> succs = new ArrayList<>();
        while (!queue.isEmpty()) {
            TLCState s = queue.poll();
            int from = queueIndex.poll();
            succs.clear();
            collect(s, succs, false);
            for (Successor succ : succs) {
                long fp = fingerprint(succ.state());
                int to = seen.getIfAbsent(fp, -1);
                if (to < 0) {
                    CValue c = canonical(succ.state());
                    int before = g.size();
                    if (before >= maxStates && g.indexOf(c) < 0) {
                        g.markTruncated();
                        continue;
                    }
                    to = g.add(c, from, succ.label());
                    seen.put(fp, to);
                    if (to == before) {
                        queue.add(succ.state());
                        queueIndex.add(to);
                    }
                }
                g.addEdge(from, succ.label(), to);
            }
        }
        return g;
    }

    /**
     * Computes an action's label: its operator's name and the values TLC bound to the operator's
     * formal parameters. An action TLC left whole (a state-dependent {@code \E}, or an operator
     * applied to state-dependent arguments) outside any parameterised operator is {@code dynamic}:
     * it is split per state by {@link #expand}.
     */
    private record LabelMaker(String name, FormalParamNode[] formals, Context con, boolean dynamic, Label fixed) {

        static LabelMaker of(Action a) {
            OpDefNode def = a.getOpDef();
            String n = def == null ? "Next" : def.getName().toString();
            FormalParamNode[] formals = def == null ? new FormalParamNode[0] : def.getParams();
            boolean splittable = a.pred instanceof OpApplNode app
                    && (BuiltInOPs.getOpCode(app.getOperator().getName()) == ToolGlobals.OPCODE_be
                        || (app.getOperator() instanceof OpDefNode op && op.getBody() != null
                            && BuiltInOPs.getOpCode(op.getName()) == 0));
            if (formals.length == 0 && splittable) return new LabelMaker(n, formals, a.con, true, null);
            List<CValue> args = new ArrayList<>();
            for (FormalParamNode f : formals) {
                Object v = a.con.lookup(f);
                if (!(v instanceof Value val)) return new LabelMaker(n, formals, a.con, false, null);
                args.add(TlcValues.toCanonical(val));
            }
            return new LabelMaker(n, formals, a.con, false, new Label(n, args));
        }

        Label label(ITool tool, TLCState s) {
            if (fixed != null) return fixed;
            List<CValue> args = new ArrayList<>();
            for (SymbolNode f : formals) {
                Object v = con.lookup(f);
                args.add(v instanceof Value val ? TlcValues.toCanonical(val) : CValue.str("?" + f.getName()));
            }
            return new Label(name, args);
        }
    }
}
