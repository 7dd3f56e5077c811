package pcnref.kmsg;

/**
 * Node info (type 0, kernel/popcorn/bundle.c), remote info for /proc (types 26 to 31,
 * kernel/popcorn/remote_info.c and sched_server.c) and the never-sent SCHED_PERIODIC (32).
 */
public sealed interface NodeKmsg extends PcnKmsg
        permits NodeInfo, RemoteCpuInfoData, RemoteMemInfoRequest, RemoteMemInfoResponse,
                RemotePsRequest, RemotePsResponse, SchedPeriodicReq {
}
