package pcnref.trace.explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pcnref.kmsg.PageContents;
import pcnref.kmsg.RemoteFutexRequest;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.RemotePageResponse;
import pcnref.kmsg.RemotePageResponseShort;
import pcnref.kmsg.Timespec64;
import pcnref.trace.pcap.TestCaptures;
import pcnref.trace.pcap.TestCaptures.Msg;

/**
 * Writes a small recording in the layout of shared/traces, with the lines the kernel prints (debug-lines.md) for
 * a futex pin at the origin and a remote thread writing the pinned page (tools/repro/README.md "Hang signature"),
 * with every pid, address and node a parameter.
 */
final class SyntheticRun {
    enum Mode {
        /** main pins (claim from the remote), faults for write on its own pin, waits: FP1. */
        ORIGIN,
        /** the home task runs a forwarded shared FUTEX_WAIT: the same with T0 as the pinner, FUTEX_REQUEST without response. */
        FORWARDED,
        /** main reads the page first (the origin gets a copy), so the pin logs nothing: no claim line, no flags-0 frame. */
        READCOPY,
        /** the pin is released (a private futex: no gup fault), the program exits. */
        PRIVATE,
        /** as ORIGIN, but another task follows the handle before main's wait: main does not wait on itself. */
        OTHER_HOLDER
    }

    int nodes = 2;
    int remote = 1;
    int main = 83;
    int home = 86;
    int thread = 88;
    int worker = 85;
    int other = 87;
    long page = 0x3ff7ffa000L;
    long ip = 0x463476L;
    long writerIp = 0x40231eL;
    int storm = 5;
    Mode mode = Mode.ORIGIN;
    /** cut node0.dmesg.txt right after the pin's answer (and mid-line). */
    boolean truncate;
    boolean pcap = true;
    /** PRIVATE: the program's exit status. */
    int exitStatus = 0;

    private double t0 = 10.0;
    private double t1 = 9.0;
    private final List<String> d0 = new ArrayList<>();
    private final List<String> d1 = new ArrayList<>();
    private final List<String> f0 = new ArrayList<>();
    private final List<String> f1 = new ArrayList<>();
    private final List<Msg> wire = new ArrayList<>();

    private String l0(String s) {
        t0 += 0.000137;
        String l = String.format("[%12.6f] %s", t0, s);
        d0.add(l);
        return l;
    }

    private void l1(String s) {
        t1 += 0.000211;
        d1.add(String.format("[%12.6f] %s", t1, s));
    }

    private static String hex(long v) {
        return Long.toHexString(v);
    }

    private void setup(List<String> d, int self, boolean zero) {
        for (int n = 0; n < nodes; n++) {
            String l = (self == n ? "popcorn: * " : "popcorn:   ") + n + ": 10.4.4." + (100 + n);
            if (zero) l0(l);
            else l1(l);
        }
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        int pinner = mode == Mode.FORWARDED ? home : main;
        String P = hex(page);
        l0("Loading Popcorn messaging layer over TCP/IP...");
        setup(d0, 0, true);
        l1("Loading Popcorn messaging layer over TCP/IP...");
        setup(d1, remote, false);
        l0("####### MIGRATE [" + home + "] to " + remote);
        l1("remote_worker_main: [" + worker + "] for [" + main + "/0]");
        l1("####### MIGRATED - [" + thread + "/" + remote + "] from [" + home + "/0]");
        if (mode == Mode.FORWARDED) {
            wire.add(new Msg(remote, 0, new RemoteFutexRequest(home, 3, 0, 0, Timespec64.ZERO, page + 0x2d0, 0, 0, 0)));
        }
        // the pin: a claim with no fault of its own (page_server_get_userpage), then its answer;
        // READCOPY: a user read fault claims the page first, and the pin that follows logs nothing
        boolean readFirst = mode == Mode.READCOPY;
        long claimIp = readFirst ? ip + 0x10 : ip;
        if (readFirst) {
            l0("");
            l0("## PAGEFAULT [" + pinner + "] " + P + " R " + hex(claimIp) + " 54 8000000000000064");
            l0(" =[" + pinner + "] " + P + " replicated not mine (____ptrval____)");
        }
        l0("  [" + pinner + "] ->[" + worker + "/" + remote + "] " + P + " " + hex(claimIp));
        wire.add(new Msg(0, remote, new RemotePageRequest(pinner, 1, worker, page, readFirst ? 0x54 : 0, claimIp, 0, 0)));
        l1("");
        l1("REMOTE_PAGE_REQUEST [" + worker + "] " + P + " R " + hex(claimIp) + " from [" + pinner + "/0]");
        l1(">>[" + worker + "] " + P + " (____ptrval____)");
        l1("  [" + worker + "] ->[" + pinner + "/0] 0");
        f1.add(ftrace("kworker/0:2-20", 9.1, 0, worker, 'R', claimIp, page, 0));
        wire.add(new Msg(remote, 0, new RemotePageResponse(worker, pinner, 1, page, 0, PageContents.Value.of(0))));
        String cut = l0("  [" + pinner + "] <-[" + worker + "/" + remote + "] " + P + " 0");
        if (readFirst) {
            l0(">>[" + pinner + "] " + P + " (____ptrval____)");
            f0.add(ftrace("futexpin-" + pinner, t0, 0, pinner, 'R', claimIp, page, 0));
        }
        if (mode == Mode.OTHER_HOLDER) l0(" +[" + other + "] " + P + " (____ptrval____)");
        if (mode == Mode.PRIVATE) {
            l0(">>[" + pinner + "] " + P + " (____ptrval____)");
            l0("EXITED [" + main + "] local / 0x0");
        } else {
            l0("");
            l0("## PAGEFAULT [" + pinner + "] " + P + " W " + hex(ip) + " 5 8000000000000065");
            l0("  [" + pinner + "] waits (____ptrval____)");
            for (int i = 0; i <= storm; i++) {
                l1("");
                l1("## PAGEFAULT [" + thread + "] " + P + " W " + hex(writerIp) + " " + (i % 2 == 0 ? "55" : "71") + " 8000000000000065");
                l1(" =[" + thread + "] " + P + " (____ptrval____)");
                l1("  [" + thread + "] ->[" + home + "/0] " + P + " " + hex(writerIp));
                wire.add(new Msg(remote, 0, new RemotePageRequest(thread, 0, home, page, i % 2 == 0 ? 0x55 : 0x71, writerIp, 0, 0)));
                if (i == storm) break; // the last request is never answered
                l0("");
                l0("REMOTE_PAGE_REQUEST [" + home + "] " + P + " W " + hex(writerIp) + " from [" + thread + "/" + remote + "]");
                l0("  [" + home + "] locked. retry (____ptrval____)");
                l0("  [" + home + "] ->[" + thread + "/" + remote + "] 400");
                f0.add(ftrace("kworker/0:1-12", t0, remote, home, 'W', writerIp, page, 1024));
                wire.add(new Msg(0, remote, new RemotePageResponseShort(home, thread, 0, page, 0x400)));
                l1("  [" + thread + "] <-[" + home + "/0] " + P + " 400");
                l1(">>[" + thread + "] " + P + " (____ptrval____)");
                l1("  [" + thread + "] backoff " + (i + 1));
                f1.add(ftrace(thread + "-" + thread, t1, remote, thread, 'W', writerIp, page, 1024));
            }
        }
        List<String> dm0 = new ArrayList<>(d0);
        if (truncate) {
            int i = dm0.indexOf(cut);
            dm0 = new ArrayList<>(dm0.subList(0, i + 1));
            dm0.add("[   12.34");
        }
        Files.write(dir.resolve("node0.dmesg.txt"), dm0);
        Files.write(dir.resolve("node" + remote + ".dmesg.txt"), d1);
        for (int n = 1; n < nodes; n++) {
            if (n == remote) continue;
            List<String> idle = new ArrayList<>();
            idle.add("[    1.000000] Loading Popcorn messaging layer over TCP/IP...");
            for (int k = 0; k < nodes; k++) idle.add("[    1.000001] popcorn: " + (k == n ? "* " : "  ") + k + ": 10.4.4." + (100 + k));
            Files.write(dir.resolve("node" + n + ".dmesg.txt"), idle);
            Files.write(dir.resolve("node" + n + ".ftrace.txt"), List.of("# tracer: nop", "#"));
        }
        Files.write(dir.resolve("node0.ftrace.txt"), header(f0));
        Files.write(dir.resolve("node" + remote + ".ftrace.txt"), header(f1));
        if (pcap) TestCaptures.write(dir, "node0.pcap", wire);
        if (mode == Mode.PRIVATE) {
            Files.write(dir.resolve("program.out.txt"), List.of("# node0$ futexpin private", "# exit status: " + exitStatus));
        } else {
            Files.write(dir.resolve("program.out.txt"), List.of("# node0$ futexpin", "# exit status: unknown (process still alive after SIGKILL)"));
            List<String> h = new ArrayList<>(List.of("== /proc/" + main + "/task/" + pinner,
                    pinner + " (futexpin) D 1 0 0 0 -1 16384 404 0 0 0 3 42 0 0 20 0 2 0 464", "wchan: 0",
                    "[<0>] page_server_handle_pte_fault.cold+0x30c/0x707", "[<0>] __handle_mm_fault+0x30c/0xb10",
                    "[<0>] __get_user_pages+0x1b3/0x650", "[<0>] get_user_pages_unlocked+0x141/0x1b0",
                    "[<0>] get_user_pages_fast+0x14f/0x180", "[<0>] get_futex_key+0x9c/0x2b0",
                    "[<0>] futex_wait_setup+0x4a/0x120", "[<0>] futex_wait+0xfa/0x260", "[<0>] do_futex+0xe1/0xd10"));
            Files.write(dir.resolve("node0.hang.txt"), h);
            Files.write(dir.resolve("node" + remote + ".hang.txt"), List.of("== /proc/" + worker + "/task/" + thread,
                    thread + " (futexpin) D 2 0 0 0 -1 32832 277", "wchan: 0",
                    "[<0>] __handle_localfault_at_remote+0x285/0x56a", "[<0>] page_server_handle_pte_fault.cold+0x138/0x707",
                    "[<0>] __handle_mm_fault+0x30c/0xb10", "[<0>] __do_page_fault+0x22a/0x540", "[<0>] page_fault+0x1e/0x30"));
        }
        return dir;
    }

    private static String ftrace(String task, double t, int nid, int pid, char rw, long ip, long page, int result) {
        return String.format("%16s    [000] .... %12.6f: pgfault: %d %d %c %s %s %d", task, t, nid, pid, rw, hex(ip), hex(page), result);
    }

    private static List<String> header(List<String> l) {
        List<String> h = new ArrayList<>(List.of("# tracer: nop", "#", "#           TASK-PID   CPU#  ||||    TIMESTAMP  FUNCTION"));
        h.addAll(l);
        return h;
    }
}
