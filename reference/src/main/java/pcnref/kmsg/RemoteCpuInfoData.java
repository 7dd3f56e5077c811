package pcnref.kmsg;

/**
 * remote_cpu_info_data_t (types 26 REMOTE_PROC_CPUINFO_REQUEST and 27 ..._RESPONSE, 27682 bytes;
 * kernel/popcorn/remote_info.c, include/popcorn/cpuinfo.h): one struct for both directions, so the
 * type is a component. cpuInfoData is struct remote_cpu_info (27664 bytes: arch_type, 4 padding bytes,
 * the per-arch union), kept raw: pcn-ref never interprets /proc/cpuinfo tables.
 */
public record RemoteCpuInfoData(PcnKmsgType type, RawBytes cpuInfoData, int nid, int originWs) implements NodeKmsg {

    public static final int CPU_INFO_DATA_SIZE = 27664;

    public RemoteCpuInfoData {
        if (type != PcnKmsgType.REMOTE_PROC_CPUINFO_REQUEST && type != PcnKmsgType.REMOTE_PROC_CPUINFO_RESPONSE) {
            throw new IllegalArgumentException("remote_cpu_info_data_t travels as type 26 or 27, not " + type);
        }
        if (cpuInfoData.length() != CPU_INFO_DATA_SIZE) {
            throw new IllegalArgumentException("cpu_info_data has " + CPU_INFO_DATA_SIZE + " bytes");
        }
    }

    /** cpu_info_data.arch_type (enum popcorn_arch). */
    public int archType() {
        return cpuInfoData.intAt(0);
    }
}
