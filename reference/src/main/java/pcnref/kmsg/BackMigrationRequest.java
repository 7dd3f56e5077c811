package pcnref.kmsg;

/**
 * back_migration_request_t (type 3 TASK_MIGRATE_BACK, 858 bytes; kernel/popcorn/types.h): a remote sends
 * a thread home with its registers (process_server.c:__do_back_migration). remoteNid is the sender's nid;
 * arch is struct field_arch at offset 26.
 */
public record BackMigrationRequest(int remoteNid, int remotePid, int originPid, int personality, FieldArch arch) implements ProcessKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.TASK_MIGRATE_BACK;
    }
}
