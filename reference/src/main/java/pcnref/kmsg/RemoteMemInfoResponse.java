package pcnref.kmsg;

/**
 * remote_mem_info_response_t (type 29, 370 bytes; include/popcorn/remote_meminfo.h, kernel/popcorn/remote_info.c):
 * 44 unsigned longs in the order of the kernel's /proc/meminfo fields, names in camelCase
 * (Active_anon = activeAnon, NFS_Unstable = nfsUnstable, Committed_AS = committedAs).
 */
public record RemoteMemInfoResponse(int nid, int originWs,
        long memTotal,
        long memFree,
        long memAvailable,
        long buffers,
        long cached,
        long swapCached,
        long active,
        long inactive,
        long activeAnon,
        long inactiveAnon,
        long activeFile,
        long inactiveFile,
        long unevictable,
        long mlocked,
        long highTotal,
        long highFree,
        long lowTotal,
        long lowFree,
        long mmapCopy,
        long swapTotal,
        long swapFree,
        long dirty,
        long writeback,
        long anonPages,
        long mapped,
        long shmem,
        long slab,
        long sReclaimable,
        long sUnreclaim,
        long kernelStack,
        long pageTables,
        long quicklists,
        long nfsUnstable,
        long bounce,
        long writebackTmp,
        long commitLimit,
        long committedAs,
        long vmallocTotal,
        long vmallocUsed,
        long vmallocChunk,
        long hardwareCorrupted,
        long anonHugePages,
        long cmaTotal,
        long cmaFree) implements NodeKmsg {
    @Override
    public PcnKmsgType type() {
        return PcnKmsgType.REMOTE_PROC_MEMINFO_RESPONSE;
    }
}
