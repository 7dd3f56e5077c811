package pcnref.pages;

import pcnref.kmsg.VmFault;

/** A result as the spec names it, with the kernel's vm_fault_t value (§6) it stands for. */
public enum Result {
    NONE(-1), OK(VmFault.OK), CONTINUE(VmFault.VM_FAULT_CONTINUE), RETRY(VmFault.VM_FAULT_RETRY),
    SIGSEGV(VmFault.VM_FAULT_SIGSEGV);

    /** The vm_fault_t carried in a response's result field; -1 for NONE (no result). */
    public final int vmFault;

    Result(int vmFault) {
        this.vmFault = vmFault;
    }

    public static Result ofVmFault(int v) {
        switch (v) {
            case 0: return OK;
            case 0x4000: return CONTINUE;
            case 0x400: return RETRY;
            case 0x40: return SIGSEGV;
            default:
        }
        throw new IllegalArgumentException("result " + VmFault.name(v) + " is not modelled");
    }
}
