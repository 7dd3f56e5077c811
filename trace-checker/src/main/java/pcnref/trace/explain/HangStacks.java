package pcnref.trace.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcnref.trace.Lines;

/**
 * Reads a recording's nodeN.hang.txt (the /init timeout diagnostics: per thread "== [after SIGKILL ]/proc/P/task/T",
 * its /proc stat line, "wchan:", and the kernel stack "[&lt;0&gt;] func+off/len") and classifies each blocked
 * thread by its stack. The last snapshot of a thread wins; a thread seen again "after SIGKILL" survived it.
 */
public final class HangStacks {
    private static final Pattern HEAD = Pattern.compile("^== (after SIGKILL )?/proc/(\\d+)/task/(\\d+)\\s*$");
    private static final Pattern STAT = Pattern.compile("^(\\d+) \\((.*)\\) ([A-Za-z]) .*$");
    private static final Pattern FRAME = Pattern.compile("^\\[<[0-9a-fx]+>\\] ([A-Za-z0-9_.$]+)\\+0x[0-9a-f]+/0x[0-9a-f]+.*$");

    private HangStacks() {
    }

    /** What a thread's kernel stack says it waits for. */
    public enum StackClass {
        /** futex_wait -> get_futex_key -> gup -> page_server_handle_pte_fault: a pinned futex waiter faulting (FP1). */
        PINNED_FUTEX_FAULT("pinned futex waiter faulting: futex_wait -> get_futex_key -> gup -> page_server_handle_pte_fault"),
        /** __handle_localfault_at_remote (wait_at_station): a remote fault waiting for the origin's answer. */
        REMOTE_FAULT_WAIT("remote fault waiting for an answer: __handle_localfault_at_remote (wait_at_station)"),
        /** page_server_handle_pte_fault without a futex: a fault waiting on a fault handle at this node. */
        PAGE_FAULT_WAIT("page fault waiting in the page server: page_server_handle_pte_fault"),
        /** process_server_do_futex_at_remote: a forwarded futex op waiting for FUTEX_RESPONSE. */
        FORWARDED_FUTEX_WAIT("forwarded futex op waiting for FUTEX_RESPONSE: process_server_do_futex_at_remote"),
        /** futex_wait without the page server: an ordinary futex sleep. */
        FUTEX_WAIT("ordinary futex sleep: futex_wait"),
        /** popcorn_migrate / __process_remote_works: a home task parked for its migrated thread. */
        HOME_TASK("home task parked in popcorn_migrate (__process_remote_works), waits for remote work or back-migration"),
        /** migration in progress (process_server / migrate waits). */
        MIGRATION_WAIT("migration in progress: process_server / migrate wait"),
        /** kthread only: an idle kernel thread (remote worker). */
        KERNEL_THREAD("idle kernel thread (kthread)"),
        UNKNOWN("unknown: stack not classified");

        public final String description;

        StackClass(String description) {
            this.description = description;
        }
    }

    /**
     * One thread of a hang.txt.
     *
     * @param afterSigkill the snapshot was taken after SIGKILL (the thread survived it)
     * @param line         1-based line of the snapshot's "==" header
     */
    public record BlockedTask(int node, int tgid, int tid, String comm, String state, List<String> stack,
                              StackClass stackClass, boolean afterSigkill, String cite) {
        public BlockedTask {
            stack = List.copyOf(stack);
        }
    }

    public static StackClass classify(List<String> stack) {
        boolean has;
        if (contains(stack, "get_futex_key") && contains(stack, "page_server_handle_pte_fault")) return StackClass.PINNED_FUTEX_FAULT;
        if (contains(stack, "__handle_localfault_at_remote") || contains(stack, "wait_at_station")) {
            if (contains(stack, "process_server_do_futex_at_remote")) return StackClass.FORWARDED_FUTEX_WAIT;
            return StackClass.REMOTE_FAULT_WAIT;
        }
        if (contains(stack, "process_server_do_futex_at_remote")) return StackClass.FORWARDED_FUTEX_WAIT;
        if (contains(stack, "page_server_handle_pte_fault")) return StackClass.PAGE_FAULT_WAIT;
        if (contains(stack, "futex_wait")) return StackClass.FUTEX_WAIT;
        has = contains(stack, "popcorn_migrate") || contains(stack, "__process_remote_works");
        if (has) return StackClass.HOME_TASK;
        if (contains(stack, "process_server") || contains(stack, "migrate")) return StackClass.MIGRATION_WAIT;
        if (!stack.isEmpty() && stack.stream().allMatch(f -> f.equals("kthread") || f.equals("ret_from_fork"))) {
            return StackClass.KERNEL_THREAD;
        }
        return StackClass.UNKNOWN;
    }

    private static boolean contains(List<String> stack, String fn) {
        for (String f : stack) {
            String base = f.endsWith(".cold") ? f.substring(0, f.length() - 5) : f;
            if (base.contains(fn)) return true;
        }
        return false;
    }

    /** The threads of {@code file}, last snapshot per thread; unreadable lines are skipped (counted in problems). */
    public static List<BlockedTask> read(Path file, int node, String prefix, List<String> problems) throws IOException {
        Map<Integer, BlockedTask> byTid = new LinkedHashMap<>();
        try (BufferedReader r = Lines.open(file)) {
            String line;
            long n = 0;
            Integer tgid = null, tid = null;
            boolean after = false;
            long headLine = 0;
            String comm = "?", state = "?";
            List<String> stack = new ArrayList<>();
            long bad = 0;
            String firstBad = null;
            while (true) {
                line = r.readLine();
                n++;
                Matcher h = line == null ? null : HEAD.matcher(line);
                if (line == null || h.matches()) {
                    if (tid != null) {
                        byTid.put(tid, new BlockedTask(node, tgid, tid, comm, state, stack, classify(stack), after,
                                prefix + ":" + headLine));
                    }
                    if (line == null) break;
                    after = h.group(1) != null;
                    tgid = Integer.valueOf(h.group(2));
                    tid = Integer.valueOf(h.group(3));
                    headLine = n;
                    comm = "?";
                    state = "?";
                    stack = new ArrayList<>();
                    continue;
                }
                Matcher s = STAT.matcher(line);
                Matcher f = FRAME.matcher(line);
                if (tid != null && s.matches()) {
                    comm = s.group(2);
                    state = s.group(3);
                } else if (tid != null && f.matches()) {
                    stack.add(f.group(1));
                } else if (!line.isBlank() && !line.startsWith("wchan:")) {
                    bad++;
                    if (firstBad == null) firstBad = file + ":" + n + ": unrecognised line";
                }
            }
            if (bad > 0) problems.add(firstBad + " (" + bad + " unrecognised line(s))");
        }
        return List.copyOf(byTid.values());
    }
}
