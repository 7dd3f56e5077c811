package pcnref.kmsg;

/** Messages of the page server (kernel/popcorn/page_server.c), types 11 to 18. */
public sealed interface PageKmsg extends PcnKmsg
        permits RemotePageRequest, RemotePageResponse, RemotePageResponseShort,
                PageInvalidateRequest, PageInvalidateResponse,
                RemotePageFlush, RemotePageRelease, RemotePageFlushAck {
    /** FAULT_FLAG_WRITE (include/linux/mm.h): the bit Popcorn reads as "write fault". */
    long FAULT_FLAG_WRITE = 0x01;
    /** The flags of a user write fault as the kernel sends them (WRITE|ALLOW_RETRY|KILLABLE|USER). */
    long USER_WRITE_FLAGS = 0x55;
    /** The flags of a user read fault (ALLOW_RETRY|KILLABLE|USER). */
    long USER_READ_FLAGS = 0x54;
    /** PC_FAULT_FLAG_REMOTE: ORed in by the receiver of a REMOTE_PAGE_REQUEST; never travels. */
    long PC_FAULT_FLAG_REMOTE = 0x200;
}
