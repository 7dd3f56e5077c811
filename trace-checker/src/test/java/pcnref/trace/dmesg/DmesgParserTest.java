package pcnref.trace.dmesg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pcnref.kmsg.PcnKmsgType;
import pcnref.trace.event.Direction;
import pcnref.trace.event.FaultBegin;
import pcnref.trace.event.FaultStep;
import pcnref.trace.event.LoggedMessage;
import pcnref.trace.event.Migration;
import pcnref.trace.event.NodeSetup;
import pcnref.trace.event.Peer;
import pcnref.trace.event.TaskExit;
import pcnref.trace.event.TraceEvent;
import pcnref.trace.event.VmaEvent;

/** One line per catalogue shape of debug-lines.md, with the exact spacing the kernel prints. */
class DmesgParserTest {
    private static TraceEvent one(String line) {
        return new DmesgParser("t", 0).parse(line, 1);
    }

    /** kind, and the step / message type where the event has one. */
    private static String describe(TraceEvent e) {
        if (e == null) return "null";
        return e.kind() + ":" + switch (e) {
            case FaultStep s -> s.step().name();
            case VmaEvent v -> v.step().name();
            case Migration m -> m.step().name();
            case TaskExit t -> t.step().name();
            case NodeSetup n -> n.step().name();
            case LoggedMessage l -> l.direction() + "_" + l.type();
            default -> "";
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // page server
            "'[    4.484240] ## PAGEFAULT [83] 3fffffe000 R 401cee 54 8000000000000064' | fault_begin:",
            "'[    4.444237] REMOTE_PAGE_REQUEST [83] 3fffffe000 R 401cee from [86/1]' | logged_message:RECEIVED_REMOTE_PAGE_REQUEST",
            "'[    4.448237]  =[83] origin  (____ptrval____)' | fault_step:ORIGIN_DECISION",
            "'[    4.460238]  =[83] origin remote (____ptrval____)' | fault_step:ORIGIN_DECISION",
            "'[    4.460238]  =[83]  (____ptrval____)' | fault_step:ORIGIN_DECISION",
            "'[    4.448237] >>[83] 3fffffe000 (____ptrval____)' | fault_step:HANDLE_DONE",
            "'[    4.448237] >>[83] 3fffffe000 00000000a1b2c3d4' | fault_step:HANDLE_DONE",
            "'[    4.448237]  >[83] 3fffffe000 (____ptrval____)' | fault_step:HANDLE_LEAVE",
            "'[    4.448237]  +[83] 3fffffe000 (____ptrval____)' | fault_step:HANDLE_SLEEP",
            "'[    4.448237]  -[83] 3fffffe000 (____ptrval____)' | fault_step:HANDLE_FOLLOWER",
            "'[    4.448237]  =[83] 3fffffe000 (____ptrval____)' | fault_step:HANDLE_LEADER",
            "'[    4.248221]  =[85] 3fffffe000' | fault_step:HANDLE_LEADER",
            "'[    4.448237]   [83] ->[86/1] 0' | logged_message:SENT_REMOTE_PAGE_RESPONSE",
            "'[    4.460238]   [83] ->[86/1] 4000' | logged_message:SENT_REMOTE_PAGE_RESPONSE_SHORT",
            "'[    4.488240]   [83] ->[85/1] 3fffffe000 401cee' | logged_message:SENT_REMOTE_PAGE_REQUEST",
            "'[    4.496240]   [83] <-[85/1] 3fffffe000 0' | logged_message:RECEIVED_REMOTE_PAGE_RESPONSE",
            "'[    4.504241]   [83] revoke 3fffffe000 [85/1]' | logged_message:SENT_PAGE_INVALIDATE_REQUEST",
            "'[    4.248221] INVALIDATE_PAGE [85] 3fffffe000 [83/0]' | logged_message:RECEIVED_PAGE_INVALIDATE_REQUEST",
            "'[    4.248221] >>[85] ->[83/0]' | logged_message:SENT_PAGE_INVALIDATE_RESPONSE",
            "'[    4.504241]  =[83] 3fffffe000 replicated mine (____ptrval____)' | fault_step:REPLICATED",
            "'[    4.504241]   [83] 3fffffe000 replicated not mine (____ptrval____)' | fault_step:REPLICATED",
            "'[    4.168216]   [86] VM_EXEC. continue' | fault_step:VM_EXEC_CONTINUE",
            "'[    4.168216]   [86] locally file-mapped read-only. continue' | fault_step:FILE_READONLY_CONTINUE",
            "'[    4.168216]   [86] might be fixed by others???' | fault_step:MIGHT_BE_FIXED",
            "'[    4.168216]   [86] 7f0000 fresh at origin, continue' | fault_step:FRESH_AT_ORIGIN",
            "'[    4.168216]   [86] fresh at origin. continue' | fault_step:FRESH_AT_ORIGIN",
            "'[    4.168216]   [86] 7f0000 already handled' | fault_step:ALREADY_HANDLED",
            "'[    4.168216]   [86] local at origin. continue' | fault_step:LOCAL_AT_ORIGIN",
            "'[    4.168216]   [86] handle local fault at origin' | fault_step:HANDLE_LOCAL_AT_ORIGIN",
            "'[    4.168216]   [86] No PTE!!' | fault_step:NO_PTE",
            "'[    4.168216]   [86] not found' | fault_step:NOT_FOUND",
            "'[    4.168216]   [86] failed 0x2' | fault_step:FAILED",
            "'[    4.168216]   [86] backoff 3' | fault_step:BACKOFF",
            "'[    4.168216]   [86] zap 400000' | fault_step:ZAP",
            "'[    4.168216]   [86] waits (____ptrval____)' | fault_step:WAITS",
            "'[    4.168216]   [86] locked. retry (____ptrval____)' | fault_step:LOCKED_RETRY",
            "'[    4.168216]   [86] local write ongoing, wait' | fault_step:INVALIDATION_WAIT",
            "'[    4.168216] process_page_invalidate_request: no such process 83 85 4a6000' | fault_step:INVALIDATE_NO_PROCESS",
            "'[    4.168216] ------------------ Start panicking -----------------' | fault_step:PANIC",
            // VMA server
            "'[    4.164216] ## VMAFAULT [86] 401ceb 401ceb' | vma:VMA_FAULT",
            "'[    4.164216]   [86] 401000 ->[83/0]' | logged_message:SENT_VMA_INFO_REQUEST",
            "'[    4.168216]   [86] 0 401000' | vma:INFO_UPDATE",
            "'[    4.168216]   [86] /bin/ft2b + 1' | vma:INFO_FILE",
            "'[    4.168216]   [86] /my dir/with space + a5' | vma:INFO_FILE",
            "'[    4.168216]   [86] map+ 401000 47a000' | vma:MAP",
            "'[    4.168216]   [86] map0 401000 -- 47a000 @ 1, 5' | vma:MAP",
            "'[    4.168216]   [86] map1 401000 -- 47a000 @ 1' | vma:MAP",
            "'[    4.168216]   [86] 3fff000 already pended' | vma:ALREADY_PENDED",
            "'[    4.428236] ## VMA_INFO [83] 401000 -- 47a000 875' | vma:INFO_SERVED",
            "'[    4.428236] VMA_OP_REQUEST [83] munmap 7f0000 2000' | vma:OP_REQUEST",
            "'[    4.428236]   [83] ->munmap 0' | vma:OP_RESULT",
            "'[    4.428236]   [83] ->munmap [90/1] 7f0000+2000' | vma:MUNMAP_PROPAGATE",
            "'[    4.428236]   [83] 7f0000 7f0000 -- 7f2000 3 22' | vma:OP_AT_ORIGIN",
            "'[    4.428236]   [83] Cannot open /x y -2' | vma:CANNOT_OPEN",
            "'[    4.428236]   [83] 1 3 / 4 7f0000-7f4000' | vma:MADVISE_RELEASE",
            "'[    4.428236] vma_info: vma does not exist at 7f0000' | vma:NO_VMA",
            "'[    4.428236] __update_vma: cannot find backing file /x' | vma:NO_BACKING_FILE",
            "'[    4.428236] VMA mprotect [86] 7f0000 1000 1' | vma:CALL",
            "'[    4.428236] VMA mremap [86] 7f0000 1000 2000 1 0' | vma:CALL",
            // process server
            "'[    4.408235] ####### MIGRATE [83] to 1' | migration:MIGRATE",
            "'[    4.160216] ####### MIGRATED - [86/1] from [83/0]' | migration:MIGRATED",
            "'[    4.484240] ### BACKMIG [83] from [86/1]' | migration:BACK_MIGRATION",
            "'[    4.412235] save_thread_info [83] tls 4ae380' | migration:SAVE_THREAD_INFO",
            "'[    4.484240] restore_thread_info [83] ip 401ceb' | migration:RESTORE_THREAD_INFO",
            "'[    4.484240] restore_thread_info [83] sp 3fffffe940 bp 0' | migration:RESTORE_THREAD_INFO",
            "'[    4.484240]   [83] resume execution' | migration:RESUME",
            "'[    4.484240]   [83] invalid migration destination 7' | migration:INVALID_DESTINATION",
            "'[    4.484240]   [83] already running at the destination 0' | migration:ALREADY_AT_DESTINATION",
            "'[    4.484240]   [83] destination node 2 is offline' | migration:DESTINATION_OFFLINE",
            "'[    4.156216] remote_worker_main: [85] for [83/0]' | migration:REMOTE_WORKER",
            "'[    4.156216] remote_worker_main: [85] /bin/ft2b' | migration:REMOTE_WORKER_EXE",
            "'[    4.156216] remote_thread_main [86] started for [83/0]' | migration:THREAD_STARTED",
            "'[    4.520242] EXITED [83] local / 0x0' | task_exit:EXITED",
            "'[    4.224220] EXITED [86] remote / 0x40' | task_exit:EXITED",
            "'[    4.268223] EXITED [85] remote worker / 0x0' | task_exit:EXITED",
            "'[    4.520242] TERMINATE [85/1] with 0x0' | task_exit:TERMINATE_REMOTE",
            "'[    4.268223] TERMINATE [85] with 0x0' | task_exit:TERMINATE",
            "'[    4.268223] process_remote_task_exit [83] 0x0' | task_exit:REMOTE_TASK_EXIT",
            // node setup
            "'[    1.680064] popcorn: * 0: 10.4.4.100' | node_setup:NODE_TABLE",
            "'[    1.684065] popcorn:   1: 10.4.4.101' | node_setup:NODE_TABLE",
            "'[    2.320104] popcorn:    1 joined, x86_64' | node_setup:JOINED",
            "'[    2.320104] popcorn: Ready on TCP/IP' | node_setup:READY",
            "'[    1.996081] Connecting to 0 at 10.4.4.100' | node_setup:CONNECTING",
            "'[    2.304103] SEND handler for 1 is ready' | node_setup:HANDLER_READY",
            "'[    1.999999] Failed to connect the socket -111. Attempt again!!' | node_setup:CONNECT_RETRY",
            // generic
            "'[    9.000000] kernel BUG at kernel/popcorn/page_server.c:1234!' | kernel_problem:",
            "'[    9.000000] WARNING: CPU: 0 PID: 83 at kernel/popcorn/process_server.c:330 process_server_task_exit+0x1/0x2' | kernel_problem:",
            // other prefixes
            "'<6>[    4.484240] ####### MIGRATE [83] to 1' | migration:MIGRATE",
            "'6,1234,4484240,-;\\x0a####### MIGRATE [83] to 1' | migration:MIGRATE",
            "'kern  :info  : [    4.484240] ####### MIGRATE [83] to 1' | migration:MIGRATE",
            "'[    4.484240][  T83] ####### MIGRATE [83] to 1' | migration:MIGRATE",
            "'####### MIGRATE [83] to 1' | migration:MIGRATE",
    })
    void catalogueLine(String line, String expected) {
        assertEquals(expected, describe(one(line)));
    }

    @Test
    void fieldsOfAPageFaultHeader() {
        FaultBegin f = assertInstanceOf(FaultBegin.class,
                one("[    4.484240] ## PAGEFAULT [83] 3fffffe000 W 401db5 55 8000000000000065"));
        assertEquals(83, f.pid());
        assertEquals(0x3fffffe000L, f.addr());
        assertEquals('W', f.rw());
        assertEquals(0x401db5L, f.instrAddr());
        assertEquals(0x55L, f.faultFlags());
        assertEquals(0x8000000000000065L, f.pteFlags());
        assertEquals(4_484_240_000L, f.timeNs());
    }

    @Test
    void fieldsOfAResponseReceived() {
        LoggedMessage m = assertInstanceOf(LoggedMessage.class, one("[    4.204219]   [86] <-[83/0] 3fffffe000 4000"));
        assertEquals(86, m.pid());
        assertEquals(new Peer(83, 0), m.peer());
        assertEquals(Direction.RECEIVED, m.direction());
        assertEquals(PcnKmsgType.REMOTE_PAGE_RESPONSE_SHORT, m.type());
        assertEquals(0x4000, m.result());
        assertEquals(0x3fffffe000L, m.addr());
    }

    @Test
    void anOutOfRangeTimeInAnyPrefixIsAnUnrecognisedLineNotAnException() {
        // a Jazzer finding: the <level> and "kern  :info  :" prefixes threw NumberFormatException("bad time")
        DmesgParser p = new DmesgParser("t", 0);
        assertNull(p.parse("<6>[99999999999999.000001] too late", 1));
        assertNull(p.parse("kern  :info  : [99999999999999.0000001] too precise", 2));
        assertEquals(2, p.stats().unrecognisedLines());
    }

    @Test
    void terminateRemotePrintsDecimalAfter0x() {
        TaskExit t = assertInstanceOf(TaskExit.class, one("[    4.520242] TERMINATE [85/1] with 0x11"));
        assertEquals(11, t.exitCode()); // debug-lines.md §2.1: "0x%d"
        assertEquals(1, t.nid());
    }

    @Test
    void vmaResultLinesAreToldApartByTheirCall() {
        DmesgParser p = new DmesgParser("t", 1);
        p.parse("[    1.000000] ", 1);
        VmaEvent call = (VmaEvent) p.parse("[    1.000000] ## VMA brk-ed [90] 4c0000 --> 4e1000", 2);
        assertEquals("brk", call.op());
        VmaEvent res = (VmaEvent) p.parse("[    1.000001]   [90] 0 4e1000", 3);
        assertEquals(VmaEvent.Step.CALL_RESULT, res.step());
        assertEquals("brk", res.op());
        assertEquals(0L, res.ret());
        // the same shape without a brk call before it is __update_vma (VS-26)
        assertEquals(VmaEvent.Step.INFO_UPDATE, ((VmaEvent) p.parse("[    1.000002]   [90] 0 4e1000", 4)).step());
        p.parse("[    1.000003] ## VMA mmap [90] 0 - 2000, 3 22", 5);
        VmaEvent path = (VmaEvent) p.parse("[    1.000003]   [90] /lib/x.so", 6);
        assertEquals(VmaEvent.Step.CALL_PATH, path.step());
        assertEquals("/lib/x.so", path.text());
        VmaEvent r = (VmaEvent) p.parse("[    1.000004]   [90] -12 0 -- 2000", 7);
        assertEquals(VmaEvent.Step.CALL_RESULT, r.step());
        assertEquals(-12L, r.ret());
        assertEquals(List.of(0L, 0x2000L), r.values());
    }

    @Test
    void prefixOnlyLinesAreBlankAndContinuationsKeepTheTime() {
        DmesgParser p = new DmesgParser("t", 0);
        assertNull(p.parse("[    4.428236] ", 1));
        assertNull(p.parse("[    4.428236] \r", 2));
        TraceEvent e = p.parse("## VMA_INFO [83] 401000 -- 47a000 875", 3);
        assertEquals(4_428_236_000L, e.timeNs());
        assertEquals(2, p.stats().blankLines());
    }

    @Test
    void aKernelRecordGluedToAConsoleLineIsFound() {
        // shared/traces/3node-ft2d-1/node1.console.txt:224, /init's line and the kernel's on one line
        NodeSetup n = assertInstanceOf(NodeSetup.class, one(
                "[pcn-init node1] insmod returned 0[    3.048138] popcorn:    2 joined, x86_64\r"));
        assertEquals(NodeSetup.Step.JOINED, n.step());
        assertEquals(2, n.nid());
        assertEquals(3_048_138_000L, n.timeNs());
    }

    @Test
    void nodeComesFromTheNodeTable() {
        DmesgParser p = new DmesgParser("t", null);
        p.parse("[    1.0] Loading Popcorn messaging layer over TCP/IP...", 1);
        p.parse("[    1.0] popcorn:   0: 10.4.4.100", 2);
        p.parse("[    1.0] popcorn: * 1: 10.4.4.101", 3);
        assertEquals(1, p.parse("[    4.0] ####### MIGRATE [86] to 0", 4).node());
    }

    @Test
    void unrecognisedAndBrokenLinesAreCountedNotFatal() {
        DmesgParser p = new DmesgParser("t", 0);
        p.parse("[    0.1] Linux version 5.2.21-popcorn", 1);
        p.parse("[    1.0] Loading Popcorn messaging layer over TCP/IP...", 2);
        p.parse("[    4.0] random: fast init done", 3);
        p.parse("[    4.0] ## PAGEFAULT [99999999999] 3fffffe000 W 401db5 55 0", 4); // pid overflows int
        p.parse("[    4.0] ## PAGEFAULT [83] 3fffffe0001234567890 W 401db5 55 0", 5); // 20 hex digits
        p.parse("[pcn-init node0] dumped", 6);
        assertEquals(1, p.stats().events("node_setup"));
        assertEquals(3, p.stats().unrecognisedLines());
        assertEquals(2, p.stats().otherLines());
        assertEquals(3, p.stats().unrecognisedSamples().size());
    }

    /** Kernel reports seen in our futexpin recordings (hung-task detector, an oops and its kernel RIP). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'[  242.671096] INFO: task futexpin:86 blocked for more than 120 seconds.' | HUNG_TASK",
            "'[  316.403710] BUG: unable to handle page fault for address: ffffffffffffffa0' | BUG",
            "'[  316.403710] Oops: 0000 [#1] SMP NOPTI' | OOPS",
            "'[  316.403710] RIP: 0010:process_server_do_futex_at_remote+0x110/0x140' | RIP"})
    void kernelReports(String line, String what) {
        var k = assertInstanceOf(pcnref.trace.event.KernelProblem.class, one(line));
        assertEquals(what, k.what());
        assertEquals(line.substring(line.indexOf("] ") + 2), k.text());
    }

    @Test
    void userModeRipIsNotAKernelReport() {
        // RIP: 0033 is the user instruction pointer printed in the same dump: no kernel function to name
        assertNull(one("[  316.403710] RIP: 0033:0x43d529"));
    }
}
