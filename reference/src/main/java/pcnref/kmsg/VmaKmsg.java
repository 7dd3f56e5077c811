package pcnref.kmsg;

/** Messages of the VMA server (kernel/popcorn/vma_server.c), types 7 to 10. Structs: kernel/popcorn/types.h. */
public sealed interface VmaKmsg extends PcnKmsg
        permits VmaInfoRequest, VmaInfoResponse, VmaOpRequest, VmaOpResponse {
}
