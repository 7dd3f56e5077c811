package pcnref.trace.event;

/**
 * A process-server line about a task ending (debug-lines.md PS-1..PS-5).
 *
 * @param nid      TERMINATE [pid/nid]: the remote node being told to terminate
 * @param where    EXITED: "local", "remote" or "remote worker"
 * @param exitCode the exit code as printed (PS-1 prints a decimal after a literal "0x")
 */
public record TaskExit(Source source, Integer node, long timeNs, Clock clock, int pid, Step step, Integer nid,
                       String where, long exitCode) implements TraceEvent {
    public enum Step {
        /** "EXITED [pid] local|remote[ worker] / 0x%x" (PS-2). */
        EXITED,
        /** "TERMINATE [pid/nid] with 0x%d" (PS-1): origin tells a remote. */
        TERMINATE_REMOTE,
        /** "TERMINATE [pid] with 0x%x" (PS-5): remote handles TASK_EXIT_ORIGIN. */
        TERMINATE,
        /** "process_remote_task_exit [pid] 0x%x" (PS-4): origin handles TASK_EXIT_REMOTE. */
        REMOTE_TASK_EXIT,
        /** "process_remote_task_exit: pid mismatch a != b" (PS-3); exitCode = the request's remote pid. */
        REMOTE_TASK_EXIT_PID_MISMATCH
    }
}
