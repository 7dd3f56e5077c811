package pcnref.trace.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * A process-server line about moving a thread (debug-lines.md PS-7..PS-13, PS-17..PS-19, PS-46..PS-50).
 *
 * @param nid    destination node (MIGRATE, rejections)
 * @param peer   the other side's task "[pid/nid]" (origin of MIGRATED / BACKMIG / workers)
 * @param self   MIGRATED's "[pid/nid]" of the new thread
 * @param values registers printed (tls; ip; sp, bp)
 * @param text   exe path of a remote worker
 */
public record Migration(Source source, Integer node, long timeNs, Clock clock, int pid, Step step, Integer nid,
                        Peer peer, Peer self, @JsonSerialize(contentUsing = HexLong.class) List<Long> values,
                        String text) implements TraceEvent {
    public Migration {
        values = List.copyOf(values);
    }

    public enum Step {
        /** "####### MIGRATE [pid] to nid" (PS-46). */
        MIGRATE,
        /** "  [pid] invalid migration destination nid" (PS-47). */
        INVALID_DESTINATION,
        /** "  [pid] already running at the destination nid" (PS-48). */
        ALREADY_AT_DESTINATION,
        /** "  [pid] destination node nid is offline" (PS-49). */
        DESTINATION_OFFLINE,
        /** "  [pid] resume execution" (PS-50). */
        RESUME,
        /** "save_thread_info [pid] tls x" (PS-17). */
        SAVE_THREAD_INFO,
        /** "restore_thread_info [pid] ip x" / "sp x bp x" (PS-18, PS-19). */
        RESTORE_THREAD_INFO,
        /** "remote_thread_main [pid] started for [pid/nid]" (PS-8). */
        THREAD_STARTED,
        /** "####### MIGRATED - [pid/nid] from [pid/nid]" (PS-9). */
        MIGRATED,
        /** "### BACKMIG [pid] from [pid/nid]" (PS-7). */
        BACK_MIGRATION,
        /** "remote_worker_main: [pid] for [pid/nid]" (PS-12). */
        REMOTE_WORKER,
        /** "remote_worker_main: [pid] exe" (PS-13). */
        REMOTE_WORKER_EXE,
        /** "process_back_migration: pid mismatch during back migration (a != b)" (PS-6). */
        BACK_MIGRATION_PID_MISMATCH
    }
}
