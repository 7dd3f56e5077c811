package pcnref.kmsg;

/**
 * vm_fault_t values of the 5.2.21 tree (include/linux/mm_types.h, plus Popcorn's CONTINUE and KILLED),
 * numerically identical to the kernel's. They travel in the result field of types 12 and 13 and are
 * printed in decimal by popcorn:pgfault and in hex without 0x by the debug prints.
 */
public final class VmFault {
    private VmFault() {
    }

    public static final int OK = 0;
    public static final int VM_FAULT_OOM = 0x1;
    public static final int VM_FAULT_SIGBUS = 0x2;
    public static final int VM_FAULT_MAJOR = 0x4;
    public static final int VM_FAULT_WRITE = 0x8;
    public static final int VM_FAULT_HWPOISON = 0x10;
    public static final int VM_FAULT_HWPOISON_LARGE = 0x20;
    public static final int VM_FAULT_SIGSEGV = 0x40;
    public static final int VM_FAULT_NOPAGE = 0x100;
    public static final int VM_FAULT_LOCKED = 0x200;
    public static final int VM_FAULT_RETRY = 0x400;
    public static final int VM_FAULT_FALLBACK = 0x800;
    public static final int VM_FAULT_DONE_COW = 0x1000;
    public static final int VM_FAULT_NEEDDSYNC = 0x2000;
    public static final int VM_FAULT_CONTINUE = 0x4000;
    public static final int VM_FAULT_KILLED = 0x8000;
    /** VM_FAULT_ERROR: OOM | SIGBUS | SIGSEGV | HWPOISON | HWPOISON_LARGE | FALLBACK. */
    public static final int VM_FAULT_ERROR = 0x873;

    /** The kernel name of a single result value, e.g. "VM_FAULT_RETRY", or the number itself. */
    public static String name(int result) {
        return switch (result) {
            case OK -> "0";
            case VM_FAULT_OOM -> "VM_FAULT_OOM";
            case VM_FAULT_SIGBUS -> "VM_FAULT_SIGBUS";
            case VM_FAULT_SIGSEGV -> "VM_FAULT_SIGSEGV";
            case VM_FAULT_LOCKED -> "VM_FAULT_LOCKED";
            case VM_FAULT_RETRY -> "VM_FAULT_RETRY";
            case VM_FAULT_CONTINUE -> "VM_FAULT_CONTINUE";
            case VM_FAULT_KILLED -> "VM_FAULT_KILLED";
            default -> "0x" + Integer.toHexString(result);
        };
    }
}
